/* pathrank plugin ABI: the one header a data-source plugin is built from.
 *
 * A plugin is a shared library (a CMake MODULE, built with hidden visibility)
 * that exports exactly one symbol, PR_PLUGIN_ENTRY_NAME, returning a table of
 * metadata and functions. The host (pathrank's engine) loads it with
 * dlopen(RTLD_NOW | RTLD_LOCAL) from a path its configuration names, checks
 * the ABI version both ways, then for every read of the source calls
 *
 *     open(config, sink, &state)  ->  read(state, sink)  ->  close(state)
 *
 * and the plugin hands its records (items, clauses, goals, progress events)
 * to the host through the callbacks of the sink. The plugin links nothing of
 * pathrank: this pure C header (fixed-width types, no C++) is the whole
 * contract. See plugins/README.md for a walk-through and a template.
 *
 * Rules (from SQLite's, Redis's, DuckDB's and Envoy's plugin ABIs):
 *   - Strings are pr_str {data, size}: UTF-8, not NUL-terminated, size in
 *     bytes; {NULL, 0} is the empty string.
 *   - Every struct begins with struct_size (set it to sizeof the struct you
 *     were compiled with); structs only ever grow at the end, so a reader
 *     accepts any struct_size >= the size it knows and ignores the tail.
 *   - Everything passed to a callback is borrowed for the duration of that
 *     call only; the host copies what it keeps. No memory crosses the
 *     boundary to be freed by the other side: whoever allocates frees (the
 *     plugin's state is allocated by open and freed by close).
 *   - Errors are a pr_status code plus a message given to sink->set_error
 *     (the host copies it). No exception, longjmp or signal may cross the
 *     boundary: a C++ plugin catches everything at its edge.
 *   - Threads: the host may read the same plugin from several threads at
 *     once, each read with its own state; a plugin keeps no mutable global
 *     state. One state is only ever used by one thread at a time.
 */

#ifndef PATHRANK_PLUGIN_H_
#define PATHRANK_PLUGIN_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI version this header describes. A host supports the versions
 * [PR_PLUGIN_ABI_MIN_VERSION, PR_PLUGIN_ABI_VERSION]; a plugin states the
 * version it was built with in pr_plugin.abi_version. */
#define PR_PLUGIN_ABI_VERSION 1u
#define PR_PLUGIN_ABI_MIN_VERSION 1u

/* The name of the one exported entry symbol (type pr_plugin_entry_fn). */
#define PR_PLUGIN_ENTRY_NAME "pathrank_plugin_entry"

/* Marks the entry symbol as exported from a library built with
 * -fvisibility=hidden. */
#if defined(__GNUC__) || defined(__clang__)
#define PR_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define PR_PLUGIN_EXPORT
#endif

/* ----- status codes ------------------------------------------------------
 * OWNERSHIP: plain values.
 * Returned by open/read and by the sink callbacks. The host maps them to its
 * own error codes; any other value is treated as PR_ERR_INTERNAL. */
typedef int32_t pr_status;
#define PR_OK 0
#define PR_ERR_CONFIG 1    /* the config document is malformed or invalid */
#define PR_ERR_NOT_FOUND 2 /* a file or resource the config names is absent */
#define PR_ERR_IO 3        /* a file or resource cannot be read now */
#define PR_ERR_DATA 4      /* the source data is invalid (record and reason in the message) */
#define PR_ERR_ABI 5       /* the plugin and host cannot work together */
#define PR_ERR_REJECTED 6  /* (from the host) the record was rejected; stop */
#define PR_ERR_INTERNAL 7  /* a bug or an unexpected failure (out of memory, ...) */

/* Log levels for sink->log.
 * OWNERSHIP: plain values. */
typedef int32_t pr_log_level;
#define PR_LOG_DEBUG 0
#define PR_LOG_INFO 1
#define PR_LOG_WARNING 2 /* a defect that was repaired or a record that was dropped */
#define PR_LOG_ERROR 3

/* What a plugin provides (pr_plugin.provides, a bit set).
 * OWNERSHIP: plain values. */
#define PR_PROVIDES_CATALOG 1u  /* items, clauses, goals */
#define PR_PROVIDES_PROGRESS 2u /* progress events */

/* Clause types (pr_clause.type).
 * OWNERSHIP: plain values. */
#define PR_CLAUSE_REQUIRES 0   /* hard: gates readiness */
#define PR_CLAUSE_RECOMMENDS 1 /* soft: counts toward coverage only */

/* ----- records -----------------------------------------------------------
 * OWNERSHIP (all record types): borrowed. The plugin owns every byte a record
 * points to; it must stay valid until the callback that receives the record
 * returns, and no longer. The host copies what it keeps. */

/* A UTF-8 string: `size` bytes at `data`, not NUL-terminated.
 * OWNERSHIP: borrowed from whoever passes it, for the duration of the call. */
typedef struct pr_str {
  const char* data; /* may be NULL only when size == 0 */
  size_t size;
} pr_str;

/* One free attribute of an item ("type" -> "web framework").
 * OWNERSHIP: borrowed, as pr_str. */
typedef struct pr_attribute {
  pr_str key;
  pr_str value;
} pr_attribute;

/* Catalog id, title, version, summary (see datasets/README.md, top level).
 * OWNERSHIP: borrowed for the duration of sink->set_info. */
typedef struct pr_catalog_info {
  uint32_t struct_size;
  pr_str id;    /* slug */
  pr_str title; /* non-empty */
  pr_str version;
  pr_str summary;
} pr_catalog_info;

/* An item: a topic, framework or project.
 * OWNERSHIP: borrowed for the duration of sink->add_item, arrays included. */
typedef struct pr_item {
  uint32_t struct_size;
  pr_str id;    /* slug [a-z0-9][a-z0-9._-]*, unique */
  pr_str kind;  /* "topic", "framework" or "project"; empty means "topic" */
  pr_str title; /* non-empty */
  pr_str stage; /* stage id (slug); stages are declared in order of first use; empty = "general" */
  const pr_str* tags; /* tag_count slugs */
  size_t tag_count;
  double hours;       /* estimated effort, in (0, 10000] */
  int32_t difficulty; /* 1 (easy) .. 5 (hard) */
  const pr_str* aliases;
  size_t alias_count;
  pr_str summary;
  pr_str source; /* provenance, e.g. "junyi_Exercise_table.csv line 54" */
  const pr_attribute* attributes;
  size_t attribute_count;
} pr_item;

/* A prerequisite clause of one item: satisfied by any one of any_of.
 * The item may be handed before or after its clauses.
 * OWNERSHIP: borrowed for the duration of sink->add_clause, arrays included. */
typedef struct pr_clause {
  uint32_t struct_size;
  pr_str item;          /* the item the clause belongs to */
  const pr_str* any_of; /* alternatives (item ids), at least one, no repeats */
  size_t any_of_count;
  double weight; /* in (0, 1] */
  int32_t type;  /* PR_CLAUSE_REQUIRES or PR_CLAUSE_RECOMMENDS */
  pr_str note;   /* why the clause exists; may be empty */
} pr_clause;

/* One weighted target of a goal: an item id or a tag.
 * OWNERSHIP: borrowed, as pr_str. */
typedef struct pr_goal_target {
  pr_str name;
  double weight; /* in (0, 1] */
} pr_goal_target;

/* A learner goal.
 * OWNERSHIP: borrowed for the duration of sink->add_goal, arrays included. */
typedef struct pr_goal {
  uint32_t struct_size;
  pr_str id; /* slug, unique */
  pr_str title;
  pr_str summary;
  const pr_goal_target* items; /* item targets */
  size_t item_count;
  const pr_goal_target* tags; /* tag targets */
  size_t tag_count;
} pr_goal;

/* One progress event: a learner's evidence of mastery of one item.
 * OWNERSHIP: borrowed for the duration of sink->add_progress. */
typedef struct pr_progress {
  uint32_t struct_size;
  pr_str learner; /* learner id, non-empty */
  pr_str item;    /* item id, non-empty */
  double mastery; /* in [0, 1] */
  pr_str at;      /* when (ISO 8601 as the source wrote it); may be empty */
  pr_str id;      /* idempotency key (e.g. an xAPI statement id); may be empty */
} pr_progress;

/* ----- the host's sink ---------------------------------------------------
 * Callbacks the plugin calls during open and read. Each add_* returns PR_OK,
 * or PR_ERR_REJECTED when the host refuses the record (the host has recorded
 * why, naming the record); the plugin should then stop and return
 * PR_ERR_REJECTED from read. A read whose records were rejected fails as a
 * whole: nothing of it is kept.
 * OWNERSHIP: the host owns the sink and `host`; both are valid only during
 * the open or read call they are passed to. The plugin must not keep them. */
typedef struct pr_sink {
  uint32_t struct_size;
  uint32_t abi_version; /* the host's PR_PLUGIN_ABI_VERSION */
  void* host;           /* opaque; pass it back as the first argument */

  pr_status (*add_item)(void* host, const pr_item* item);
  pr_status (*add_clause)(void* host, const pr_clause* clause);
  pr_status (*add_goal)(void* host, const pr_goal* goal);
  pr_status (*add_progress)(void* host, const pr_progress* event);
  /* A message for the operator (warnings name the record and the reason). */
  void (*log)(void* host, pr_log_level level, pr_str message);
  /* The reason of the failure open or read is about to return; the last
   * call wins. Name the record: "items.csv line 12 (item \"x\"): ...". */
  void (*set_error)(void* host, pr_str message);
  /* Catalog id, title, version, summary; optional (the host defaults the id
   * and title to the plugin's name). */
  pr_status (*set_info)(void* host, const pr_catalog_info* info);
} pr_sink;

/* ----- the plugin's table ------------------------------------------------
 * OWNERSHIP: the plugin owns the table and its strings; both live as long as
 * the library stays loaded (static storage). The host never writes them. */
typedef struct pr_plugin {
  uint32_t struct_size;
  uint32_t abi_version;    /* PR_PLUGIN_ABI_VERSION the plugin was built with */
  const char* name;        /* NUL-terminated slug, e.g. "csv" */
  const char* version;     /* NUL-terminated, e.g. "1.0.0" */
  const char* description; /* NUL-terminated one line; may be NULL */
  uint32_t provides;       /* PR_PROVIDES_* bits */

  /* Parses `config` (a JSON document, borrowed for the call) and prepares a
   * read; on PR_OK stores the plugin's state in *state. On failure calls
   * sink->set_error and returns the code; *state is then ignored and close
   * is not called. OWNERSHIP: the state belongs to the plugin until close. */
  pr_status (*open)(pr_str config, const pr_sink* sink, void** state);
  /* Reads the whole source, handing each record to the sink in order. */
  pr_status (*read)(void* state, const pr_sink* sink);
  /* Frees the state open made. Called exactly once after a successful open,
   * whatever read returned. */
  void (*close)(void* state);
} pr_plugin;

/* The entry symbol's type. The host passes its PR_PLUGIN_ABI_VERSION; a
 * plugin that needs a newer host returns NULL. Otherwise it returns its table
 * (OWNERSHIP: the plugin's, static storage). */
typedef const pr_plugin* (*pr_plugin_entry_fn)(uint32_t host_abi_version);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* PATHRANK_PLUGIN_H_ */
