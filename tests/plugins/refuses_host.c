/* Test plugin: needs a host newer than any, so its entry returns NULL (the
 * plugin's side of the two-way ABI check). */

#include <stddef.h>

#include "pathrank/plugin.h"

PR_PLUGIN_EXPORT const pr_plugin* pathrank_plugin_entry(uint32_t host_abi_version) {
  if (host_abi_version < 1000u) return NULL;
  return NULL;
}
