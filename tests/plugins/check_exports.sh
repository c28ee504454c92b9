#!/bin/sh
# Usage: check_exports.sh LIB — passes when LIB's only defined dynamic
# symbol (besides version nodes) is pathrank_plugin_entry.
symbols=$(nm -D --defined-only "$1" | awk '$2 != "A" {print $3}')
echo "$1 exports: $symbols"
[ "$symbols" = "pathrank_plugin_entry" ]
