/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-lazy-model.c — children loaded on first access. */
#include "config.h"

#include "psephos-lazy-model.h"

struct _PsephosLazyModel
{
  GObject parent_instance;

  PsephosTreeItem *parent;
  PsephosStore *store;
  guint n_hint;
  GListModel *loaded;
  guint fix_source;
};

static void psephos_lazy_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PsephosLazyModel, psephos_lazy_model, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, psephos_lazy_model_iface_init))

static void
psephos_lazy_model_dispose (GObject *object)
{
  PsephosLazyModel *self = PSEPHOS_LAZY_MODEL (object);

  g_clear_handle_id (&self->fix_source, g_source_remove);
  g_clear_object (&self->loaded);
  g_clear_object (&self->store);
  g_clear_object (&self->parent);
  G_OBJECT_CLASS (psephos_lazy_model_parent_class)->dispose (object);
}

static void
psephos_lazy_model_class_init (PsephosLazyModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = psephos_lazy_model_dispose;
}

static void
psephos_lazy_model_init (PsephosLazyModel *self)
{
}

/* The store had another count than the parent row said: tell the view. */
static gboolean
fix_count_cb (gpointer user_data)
{
  PsephosLazyModel *self = user_data;
  guint n = g_list_model_get_n_items (self->loaded);
  guint hint = self->n_hint;

  self->fix_source = 0;
  self->n_hint = n;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, hint, n);
  return G_SOURCE_REMOVE;
}

static void
ensure_loaded (PsephosLazyModel *self)
{
  if (self->loaded != NULL)
    return;
  self->loaded = psephos_tree_item_create_children (self->parent, self->store);
  if (self->loaded == NULL)
    self->loaded = G_LIST_MODEL (g_list_store_new (PSEPHOS_TYPE_TREE_ITEM));
  if (g_list_model_get_n_items (self->loaded) != self->n_hint)
    self->fix_source = g_idle_add (fix_count_cb, self);
}

static GType
get_item_type (GListModel *model)
{
  return PSEPHOS_TYPE_TREE_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return PSEPHOS_LAZY_MODEL (model)->n_hint;
}

static gpointer
get_item (GListModel *model, guint position)
{
  PsephosLazyModel *self = PSEPHOS_LAZY_MODEL (model);

  if (position >= self->n_hint)
    return NULL;
  ensure_loaded (self);
  return g_list_model_get_item (self->loaded, position);
}

static void
psephos_lazy_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

PsephosLazyModel *
psephos_lazy_model_new (PsephosTreeItem *parent, PsephosStore *store, guint n_hint)
{
  PsephosLazyModel *self;

  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (parent), NULL);
  g_return_val_if_fail (PSEPHOS_IS_STORE (store), NULL);

  self = g_object_new (PSEPHOS_TYPE_LAZY_MODEL, NULL);
  self->parent = g_object_ref (parent);
  self->store = g_object_ref (store);
  self->n_hint = n_hint;
  return self;
}

gboolean
psephos_lazy_model_is_loaded (PsephosLazyModel *self)
{
  g_return_val_if_fail (PSEPHOS_IS_LAZY_MODEL (self), FALSE);
  return self->loaded != NULL;
}
