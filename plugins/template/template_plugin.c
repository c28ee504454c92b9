/* The template plugin: the smallest complete pathrank plugin, in plain C11.
 * Copy this file to start a plugin of your own; it builds from plugin.h
 * alone:
 *
 *   cc -std=c11 -shared -fPIC -fvisibility=hidden -I plugins/include \
 *      template_plugin.c -o libmy_plugin.so
 *
 * It hands the host a two-item catalog: "hello" and "world", where world
 * requires hello, and a goal "greet" that targets world. Its config must be
 * empty or {} (a real plugin parses JSON here). plugins/README.md explains
 * each step. */

#include <stdlib.h>
#include <string.h>

#include "pathrank/plugin.h"

/* The state of one read, made by open and freed by close. A real plugin
 * keeps its parsed config here (a path, options). */
typedef struct template_state {
  int greetings; /* items to hand over; fixed here */
} template_state;

/* A borrowed pr_str over a NUL-terminated string literal. */
static pr_str str(const char* s) {
  pr_str out;
  out.data = s;
  out.size = strlen(s);
  return out;
}

static void fail(const pr_sink* sink, const char* message) {
  sink->set_error(sink->host, str(message));
}

/* True when `config` is empty or "{}" (ignoring blanks). */
static int config_is_empty(pr_str config) {
  size_t i;
  char kept[3] = {0, 0, 0};
  size_t n = 0;
  for (i = 0; i < config.size; ++i) {
    char c = config.data[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (n == 2) return 0;
    kept[n++] = c;
  }
  return n == 0 || (n == 2 && kept[0] == '{' && kept[1] == '}');
}

static pr_status template_open(pr_str config, const pr_sink* sink, void** state) {
  template_state* s;
  /* ABI check on the plugin's side: the sink must be at least as large as
   * the one this plugin was built against. */
  if (sink == NULL || sink->struct_size < sizeof(pr_sink)) return PR_ERR_ABI;
  if (!config_is_empty(config)) {
    fail(sink, "config: the template plugin takes no keys (give {} or nothing)");
    return PR_ERR_CONFIG;
  }
  s = (template_state*)malloc(sizeof *s);
  if (s == NULL) {
    fail(sink, "out of memory");
    return PR_ERR_INTERNAL;
  }
  s->greetings = 2;
  *state = s;
  return PR_OK;
}

static pr_status template_read(void* state, const pr_sink* sink) {
  const template_state* s = (const template_state*)state;
  pr_catalog_info info;
  pr_item item;
  pr_clause clause;
  pr_goal goal;
  pr_str tags[1];
  pr_str prerequisite[1];
  pr_goal_target target[1];
  pr_status status;

  memset(&info, 0, sizeof info);
  info.struct_size = sizeof info;
  info.id = str("template");
  info.title = str("Template catalog");
  info.version = str("1");
  info.summary = str("Two items from the template plugin.");
  if ((status = sink->set_info(sink->host, &info)) != PR_OK) return status;

  /* Every string handed over is borrowed: the host copies it during the
   * call, so stack arrays and literals are fine. */
  memset(&item, 0, sizeof item);
  item.struct_size = sizeof item;
  item.id = str("hello");
  item.kind = str("topic");
  item.title = str("Hello");
  item.stage = str("basics");
  tags[0] = str("greeting");
  item.tags = tags;
  item.tag_count = 1;
  item.hours = 1.0;
  item.difficulty = 1;
  item.source = str("template_plugin.c");
  if ((status = sink->add_item(sink->host, &item)) != PR_OK) return status;
  if (s->greetings < 2) return PR_OK;

  item.id = str("world");
  item.kind = str("project");
  item.title = str("World");
  item.hours = 2.0;
  item.difficulty = 2;
  if ((status = sink->add_item(sink->host, &item)) != PR_OK) return status;

  memset(&clause, 0, sizeof clause);
  clause.struct_size = sizeof clause;
  clause.item = str("world");
  prerequisite[0] = str("hello");
  clause.any_of = prerequisite;
  clause.any_of_count = 1;
  clause.weight = 1.0;
  clause.type = PR_CLAUSE_REQUIRES;
  clause.note = str("say hello first");
  if ((status = sink->add_clause(sink->host, &clause)) != PR_OK) return status;

  memset(&goal, 0, sizeof goal);
  goal.struct_size = sizeof goal;
  goal.id = str("greet");
  goal.title = str("Greet the world");
  target[0].name = str("world");
  target[0].weight = 1.0;
  goal.items = target;
  goal.item_count = 1;
  if ((status = sink->add_goal(sink->host, &goal)) != PR_OK) return status;

  sink->log(sink->host, PR_LOG_INFO, str("template: 2 items, 1 clause, 1 goal"));
  return PR_OK;
}

static void template_close(void* state) { free(state); }

static const pr_plugin kTable = {
    sizeof(pr_plugin),
    PR_PLUGIN_ABI_VERSION,
    "template",
    "1.0.0",
    "The smallest complete plugin (C): two items, one clause, one goal",
    PR_PROVIDES_CATALOG,
    template_open,
    template_read,
    template_close,
};

/* The one exported symbol. ABI check on the plugin's side: refuse a host
 * older than the oldest ABI this plugin can work with. */
PR_PLUGIN_EXPORT const pr_plugin* pathrank_plugin_entry(uint32_t host_abi_version) {
  if (host_abi_version < PR_PLUGIN_ABI_MIN_VERSION) return NULL;
  return &kTable;
}
