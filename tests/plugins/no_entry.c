/* Test plugin: a shared library without the entry symbol. */

#include "pathrank/plugin.h"

PR_PLUGIN_EXPORT int not_a_pathrank_plugin(void) { return 42; }
