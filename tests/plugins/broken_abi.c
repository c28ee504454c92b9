/* Test plugin: states plugin ABI version 999, which no host supports. */

#include <stddef.h>

#include "pathrank/plugin.h"

static pr_status open_fn(pr_str config, const pr_sink* sink, void** state) {
  (void)config;
  (void)sink;
  *state = NULL;
  return PR_OK;
}
static pr_status read_fn(void* state, const pr_sink* sink) {
  (void)state;
  (void)sink;
  return PR_OK;
}
static void close_fn(void* state) { (void)state; }

static const pr_plugin kTable = {
    sizeof(pr_plugin),   999u,    "future", "9.9.9",  "built for an ABI from the future",
    PR_PROVIDES_CATALOG, open_fn, read_fn,  close_fn,
};

PR_PLUGIN_EXPORT const pr_plugin* pathrank_plugin_entry(uint32_t host_abi_version) {
  (void)host_abi_version;
  return &kTable;
}
