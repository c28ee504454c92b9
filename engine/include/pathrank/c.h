/* pathrank's C API: the engine from C and from any language with a C FFI
 * (the Python package in python/ is ctypes over this header).
 *
 * Conventions (after leveldb's c.h and SQLite's API):
 *  - Objects are opaque handles made by a pathrank_*_new / _load / _create
 *    call and released by the matching pathrank_*_free (which accepts NULL).
 *    The caller owns every handle it receives.
 *  - A call that can fail returns a pathrank_status (PATHRANK_OK = 0 on
 *    success) and takes `char** errmsg` last. errmsg may be NULL; otherwise
 *    *errmsg must be NULL or a message from an earlier call: on failure the
 *    old message is freed and *errmsg receives a new one (the engine's
 *    message, naming the field at fault), which the caller frees with
 *    pathrank_free(); on success *errmsg is left unchanged. Out-parameters
 *    are written only on success.
 *  - Accessors (pathrank_catalog_item_id, pathrank_ranking_score, ...) cannot
 *    fail and return their value directly: an index out of range gives NULL,
 *    0 or NaN (documented at each), never undefined behaviour. Strings they
 *    return are owned by the handle and valid until it is freed.
 *  - No C++ exception ever crosses this API: each entry point catches at its
 *    edge (an allocation failure becomes PATHRANK_INTERNAL, "out of memory").
 *  - Thread safety: catalogs, learners and results are immutable once made
 *    and may be used from any number of threads at once. A profile may be
 *    read (used by recommend, plan, match) concurrently, but
 *    pathrank_profile_set must not run while another thread uses it.
 *  - ABI: pathrank_abi_version() returns PATHRANK_C_ABI_VERSION of the
 *    library; a caller compiled against another value must not use it.
 *    Functions are only ever added within one ABI version. */

#ifndef PATHRANK_C_H_
#define PATHRANK_C_H_

#include <stddef.h>
#include <stdint.h>

#include "pathrank/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped on any incompatible change of this header. */
#define PATHRANK_C_ABI_VERSION 1

/* Status codes: the engine's StatusCode values (pathrank/status.h). */
typedef enum pathrank_status {
  PATHRANK_OK = 0,
  PATHRANK_INVALID_ARGUMENT = 1, /* malformed or out-of-range input */
  PATHRANK_NOT_FOUND = 2,        /* a named item, goal, profile is absent */
  PATHRANK_ALREADY_EXISTS = 3,
  PATHRANK_FAILED_PRECONDITION = 4,
  PATHRANK_OUT_OF_RANGE = 5, /* beyond a configured limit */
  PATHRANK_UNAVAILABLE = 6,  /* a file cannot be read */
  PATHRANK_INTERNAL = 7      /* a bug, or out of memory */
} pathrank_status;

typedef struct pathrank_catalog pathrank_catalog; /* catalog + its scorer */
typedef struct pathrank_profile pathrank_profile; /* scoring weights */
typedef struct pathrank_learner pathrank_learner; /* mastery and goals */
typedef struct pathrank_ranking pathrank_ranking; /* recommendations */
typedef struct pathrank_plan pathrank_plan;       /* a learning path */
typedef struct pathrank_team pathrank_team;       /* team match candidates */

/* ----- library */

/* PATHRANK_C_ABI_VERSION as compiled into the library. Thread-safe. */
PATHRANK_EXPORT int pathrank_abi_version(void);
/* The library version, e.g. "0.1.0"; a static string. Thread-safe. */
PATHRANK_EXPORT const char* pathrank_version(void);
/* "OK", "InvalidArgument", ... for `status`; a static string. Thread-safe. */
PATHRANK_EXPORT const char* pathrank_status_name(int status);
/* Frees a string from this library (error messages). Accepts NULL.
 * Thread-safe. */
PATHRANK_EXPORT void pathrank_free(void* ptr);

/* ----- catalog */

/* Loads the `pathrank.catalog/v1` file at `path` (UTF-8). On success
 * *catalog is a new handle the caller frees with pathrank_catalog_free.
 * PATHRANK_UNAVAILABLE when the file cannot be read, PATHRANK_INVALID_ARGUMENT
 * (message naming the JSON pointer) when it is not a valid catalog.
 * Thread-safe. */
PATHRANK_EXPORT pathrank_status pathrank_catalog_load_file(const char* path,
                                                           pathrank_catalog** catalog,
                                                           char** errmsg);
/* The same from a document in memory: `size` bytes at `json` (need not be
 * NUL-terminated; not retained). Thread-safe. */
PATHRANK_EXPORT pathrank_status pathrank_catalog_load_json(const char* json, size_t size,
                                                           pathrank_catalog** catalog,
                                                           char** errmsg);
/* Releases `catalog`. REQUIRES: no other call uses it; learners and results
 * made from it stay valid (they hold their own reference). Accepts NULL. */
PATHRANK_EXPORT void pathrank_catalog_free(pathrank_catalog* catalog);

/* Catalog fields. Strings are owned by the catalog and valid until
 * pathrank_catalog_free. These and every accessor below are thread-safe:
 * the objects they read are immutable. */
PATHRANK_EXPORT const char* pathrank_catalog_id(const pathrank_catalog* catalog);
PATHRANK_EXPORT const char* pathrank_catalog_title(const pathrank_catalog* catalog);
PATHRANK_EXPORT size_t pathrank_catalog_item_count(const pathrank_catalog* catalog);
/* Item `index` (0-based, catalog order): id, title, kind ("topic",
 * "framework", "project"), hours. NULL (NaN for hours) when out of range. */
PATHRANK_EXPORT const char* pathrank_catalog_item_id(const pathrank_catalog* catalog, size_t index);
PATHRANK_EXPORT const char* pathrank_catalog_item_title(const pathrank_catalog* catalog,
                                                        size_t index);
PATHRANK_EXPORT const char* pathrank_catalog_item_kind(const pathrank_catalog* catalog,
                                                       size_t index);
PATHRANK_EXPORT double pathrank_catalog_item_hours(const pathrank_catalog* catalog, size_t index);
/* The index of the item whose id is exactly `id`, or -1. */
PATHRANK_EXPORT int64_t pathrank_catalog_find_item(const pathrank_catalog* catalog, const char* id);
PATHRANK_EXPORT size_t pathrank_catalog_goal_count(const pathrank_catalog* catalog);
/* Goal `index`: id, title; NULL when out of range. */
PATHRANK_EXPORT const char* pathrank_catalog_goal_id(const pathrank_catalog* catalog, size_t index);
PATHRANK_EXPORT const char* pathrank_catalog_goal_title(const pathrank_catalog* catalog,
                                                        size_t index);
/* The index of the goal whose id is `id`, or -1. */
PATHRANK_EXPORT int64_t pathrank_catalog_find_goal(const pathrank_catalog* catalog, const char* id);

/* ----- profile (docs/scoring.md defines each weight) */

/* A new profile: the built-in one named `name` ("default", "goal-first",
 * "foundations-first", "quick-wins"); NULL means "default".
 * PATHRANK_NOT_FOUND for another name. Caller frees with
 * pathrank_profile_free. Thread-safe. */
PATHRANK_EXPORT pathrank_status pathrank_profile_builtin(const char* name,
                                                         pathrank_profile** profile, char** errmsg);
/* A new profile read from a `pathrank.profile/v1` file or document; caller
 * frees it. Thread-safe. */
PATHRANK_EXPORT pathrank_status pathrank_profile_load_file(const char* path,
                                                           pathrank_profile** profile,
                                                           char** errmsg);
PATHRANK_EXPORT pathrank_status pathrank_profile_load_json(const char* json, size_t size,
                                                           pathrank_profile** profile,
                                                           char** errmsg);
/* Releases `profile`. REQUIRES: no other call uses it. Accepts NULL. */
PATHRANK_EXPORT void pathrank_profile_free(pathrank_profile* profile);
/* Sets weight `field` ("w_cov", "w_rel", "w_unl", "w_fnd", "w_seq", "w_eff",
 * "lambda", "theta", "theta_req") to `value`. PATHRANK_INVALID_ARGUMENT for
 * an unknown field or a value outside its range (the profile is unchanged).
 * Not thread-safe against concurrent users of `profile`. */
PATHRANK_EXPORT pathrank_status pathrank_profile_set(pathrank_profile* profile, const char* field,
                                                     double value, char** errmsg);
/* The value of weight `field`, NaN when there is no such field. Safe
 * concurrently with other readers of `profile`, not with
 * pathrank_profile_set. */
PATHRANK_EXPORT double pathrank_profile_get(const pathrank_profile* profile, const char* field);
/* The profile's name; owned by the profile, valid until the next
 * pathrank_profile_set or free. */
PATHRANK_EXPORT const char* pathrank_profile_name(const pathrank_profile* profile);

/* ----- learner */

/* A learner of `catalog`: `mastery_count` (item id, mastery in [0, 1])
 * pairs and `goal_count` (goal id, weight in (0, 100]) pairs, given as
 * parallel arrays (may be NULL when the count is 0). Items not named have
 * mastery 0. PATHRANK_INVALID_ARGUMENT lists every unknown id and value out
 * of range, each named by its pointer ("/mastery/<id>", "/goals/<id>").
 * The learner keeps `catalog` alive (it holds its own reference); caller
 * frees with pathrank_learner_free. Thread-safe; the learner is immutable
 * and may be used by any number of threads at once. */
PATHRANK_EXPORT pathrank_status pathrank_learner_create(
    const pathrank_catalog* catalog, const char* const* item_ids, const double* mastery,
    size_t mastery_count, const char* const* goal_ids, const double* goal_weights,
    size_t goal_count, pathrank_learner** learner, char** errmsg);
/* Releases `learner`. REQUIRES: no other call uses it. Accepts NULL. */
PATHRANK_EXPORT void pathrank_learner_free(pathrank_learner* learner);

/* ----- recommend */

/* Flags of pathrank_recommend. */
#define PATHRANK_EXPLAIN 1u         /* fill the explanation accessors */
#define PATHRANK_INCLUDE_BLOCKED 2u /* also rank items whose requires are unmet */

/* The top `k` items for `learner`, best first. `profile` may be NULL (the
 * default profile). `kind` restricts the items to one kind ("topic",
 * "framework", "project"); NULL for all. PATHRANK_INVALID_ARGUMENT when k
 * is 0, the kind is unknown, or the learner belongs to another catalog.
 * Caller frees *ranking with pathrank_ranking_free. Thread-safe: any
 * number of threads may recommend with one catalog, profile and learner at
 * once. */
PATHRANK_EXPORT pathrank_status pathrank_recommend(const pathrank_catalog* catalog,
                                                   const pathrank_profile* profile,
                                                   const pathrank_learner* learner, size_t k,
                                                   const char* kind, unsigned flags,
                                                   pathrank_ranking** ranking, char** errmsg);
/* Releases `ranking`; its strings with it. REQUIRES: no other call uses it.
 * Accepts NULL. */
PATHRANK_EXPORT void pathrank_ranking_free(pathrank_ranking* ranking);

/* The terms of a score (docs/scoring.md), each in [0, 1]. */
typedef struct pathrank_terms {
  double coverage;
  double relevance;
  double unlock;
  double foundation;
  double sequence;
  double effort;
} pathrank_terms;

PATHRANK_EXPORT size_t pathrank_ranking_count(const pathrank_ranking* ranking);
/* Entry `i` (0 = best): item id (NULL when out of range), score (NaN), ready
 * (1 when every requires clause is met, else 0), terms (returns 0 and leaves
 * *terms alone when out of range, else 1). */
PATHRANK_EXPORT const char* pathrank_ranking_item(const pathrank_ranking* ranking, size_t i);
PATHRANK_EXPORT double pathrank_ranking_score(const pathrank_ranking* ranking, size_t i);
PATHRANK_EXPORT int pathrank_ranking_ready(const pathrank_ranking* ranking, size_t i);
PATHRANK_EXPORT int pathrank_ranking_terms(const pathrank_ranking* ranking, size_t i,
                                           pathrank_terms* terms);

/* Explanations (present when PATHRANK_EXPLAIN was given; counts are 0
 * otherwise). The contributions are weight * term * (1 - mastery), effort
 * negative; returns 0 when there is no explanation. */
PATHRANK_EXPORT int pathrank_ranking_contributions(const pathrank_ranking* ranking, size_t i,
                                                   pathrank_terms* contributions);
/* One line of text, e.g. "serves goal microservices via grpc; unlocks
 * protobuf; missing requires go-modules (0.20)"; "" without explanation. */
PATHRANK_EXPORT const char* pathrank_ranking_reason(const pathrank_ranking* ranking, size_t i);
/* Goals entry `i` serves, largest share first: the goal id, its share of the
 * relevance, and the path `via` from the item to a goal target. */
PATHRANK_EXPORT size_t pathrank_ranking_serves_count(const pathrank_ranking* ranking, size_t i);
PATHRANK_EXPORT const char* pathrank_ranking_serves_goal(const pathrank_ranking* ranking, size_t i,
                                                         size_t j);
PATHRANK_EXPORT double pathrank_ranking_serves_relevance(const pathrank_ranking* ranking, size_t i,
                                                         size_t j);
PATHRANK_EXPORT size_t pathrank_ranking_serves_via_count(const pathrank_ranking* ranking, size_t i,
                                                         size_t j);
PATHRANK_EXPORT const char* pathrank_ranking_serves_via(const pathrank_ranking* ranking, size_t i,
                                                        size_t j, size_t v);
/* Clauses of entry `i` below full satisfaction: type ("requires",
 * "recommends"), weight, satisfaction, and the alternatives with the
 * learner's mastery of each. */
PATHRANK_EXPORT size_t pathrank_ranking_missing_count(const pathrank_ranking* ranking, size_t i);
PATHRANK_EXPORT const char* pathrank_ranking_missing_type(const pathrank_ranking* ranking, size_t i,
                                                          size_t j);
PATHRANK_EXPORT double pathrank_ranking_missing_weight(const pathrank_ranking* ranking, size_t i,
                                                       size_t j);
PATHRANK_EXPORT double pathrank_ranking_missing_satisfaction(const pathrank_ranking* ranking,
                                                             size_t i, size_t j);
PATHRANK_EXPORT size_t pathrank_ranking_missing_alternative_count(const pathrank_ranking* ranking,
                                                                  size_t i, size_t j);
PATHRANK_EXPORT const char* pathrank_ranking_missing_alternative(const pathrank_ranking* ranking,
                                                                 size_t i, size_t j, size_t a);
PATHRANK_EXPORT double pathrank_ranking_missing_alternative_mastery(const pathrank_ranking* ranking,
                                                                    size_t i, size_t j, size_t a);
/* Dependents whose coverage rises if entry `i` is learned, largest first. */
PATHRANK_EXPORT size_t pathrank_ranking_unlocks_count(const pathrank_ranking* ranking, size_t i);
PATHRANK_EXPORT const char* pathrank_ranking_unlock(const pathrank_ranking* ranking, size_t i,
                                                    size_t j);

/* ----- batch recommend (one call for many learners; NumPy-friendly) */

/* Ranks `learners` learners at once (the engine's BatchScorer: exactly the
 * rankings pathrank_recommend would give each, without explanations).
 * `mastery` is a learners x items matrix, row-major, items in catalog order
 * (items = pathrank_catalog_item_count), values in [0, 1]. `goal_weights`
 * is a learners x goals matrix (goals = pathrank_catalog_goal_count, 0 = not
 * a goal, else in (0, 100]), or NULL for no goals. Writes learners x k
 * item indexes into `out_items` (-1 pads a learner with fewer than k
 * rankable items) and their scores into `out_scores` (may be NULL; NaN
 * pads). `threads` >= 1 spreads the learners over that many threads.
 * PATHRANK_INVALID_ARGUMENT naming the first bad cell ("/mastery/3/17").
 * Thread-safe. */
PATHRANK_EXPORT pathrank_status pathrank_recommend_batch(
    const pathrank_catalog* catalog, const pathrank_profile* profile, const double* mastery,
    const double* goal_weights, size_t learners, size_t k, unsigned flags, size_t threads,
    int32_t* out_items, double* out_scores, char** errmsg);

/* ----- plan */

/* The ordered path from `learner` to its goals at `hours_per_week` in
 * (0, 168]. PATHRANK_INVALID_ARGUMENT when the learner has no goal or the
 * budget is out of range. Caller frees *plan with pathrank_plan_free.
 * Thread-safe. The accessors below read it; strings are owned by the plan. */
PATHRANK_EXPORT pathrank_status pathrank_plan_path(const pathrank_catalog* catalog,
                                                   const pathrank_profile* profile,
                                                   const pathrank_learner* learner,
                                                   double hours_per_week, pathrank_plan** plan,
                                                   char** errmsg);
/* Releases `plan`. REQUIRES: no other call uses it. Accepts NULL. */
PATHRANK_EXPORT void pathrank_plan_free(pathrank_plan* plan);
PATHRANK_EXPORT size_t pathrank_plan_step_count(const pathrank_plan* plan);
PATHRANK_EXPORT double pathrank_plan_total_hours(const pathrank_plan* plan);
PATHRANK_EXPORT int pathrank_plan_weeks(const pathrank_plan* plan);
/* Step `i`: item id and reason (NULL when out of range), hours and
 * cumulative hours (NaN), 1-based week in which it ends (0). */
PATHRANK_EXPORT const char* pathrank_plan_step_item(const pathrank_plan* plan, size_t i);
PATHRANK_EXPORT const char* pathrank_plan_step_reason(const pathrank_plan* plan, size_t i);
PATHRANK_EXPORT double pathrank_plan_step_hours(const pathrank_plan* plan, size_t i);
PATHRANK_EXPORT double pathrank_plan_step_cumulative_hours(const pathrank_plan* plan, size_t i);
PATHRANK_EXPORT int pathrank_plan_step_week(const pathrank_plan* plan, size_t i);

/* ----- team match (docs/team.md) */

/* One team member: an id and (item id, mastery) pairs. Owned by the
 * caller; read only during pathrank_team_match. */
typedef struct pathrank_team_member {
  const char* id;
  const char* const* item_ids;
  const double* mastery;
  size_t count;
} pathrank_team_member;

/* Ranks the candidate items (of `kind`, NULL for all kinds; of attribute
 * "type" `type`, NULL or "" for any) that fit the team `members` and the
 * goals, at most k. PATHRANK_INVALID_ARGUMENT naming the field ("/members/2/id",
 * "/goals/x", "/type", "/k"). Caller frees *team with pathrank_team_free.
 * Thread-safe. The accessors below read it; strings are owned by the team. */
PATHRANK_EXPORT pathrank_status pathrank_team_match(
    const pathrank_catalog* catalog, const pathrank_profile* profile,
    const pathrank_team_member* members, size_t member_count, const char* const* goal_ids,
    const double* goal_weights, size_t goal_count, const char* kind, const char* type, size_t k,
    pathrank_team** team, char** errmsg);
/* Releases `team`. REQUIRES: no other call uses it. Accepts NULL. */
PATHRANK_EXPORT void pathrank_team_free(pathrank_team* team);
PATHRANK_EXPORT size_t pathrank_team_count(const pathrank_team* team);
/* Candidate `i` (0 = best fit): item id (NULL when out of range), the fit
 * and its terms (NaN), the number of members who master it (0), the sum of
 * the members' ramp-up hours (NaN). */
PATHRANK_EXPORT const char* pathrank_team_item(const pathrank_team* team, size_t i);
PATHRANK_EXPORT double pathrank_team_fit(const pathrank_team* team, size_t i);
PATHRANK_EXPORT double pathrank_team_goal_fit(const pathrank_team* team, size_t i);
PATHRANK_EXPORT double pathrank_team_coverage(const pathrank_team* team, size_t i);
PATHRANK_EXPORT size_t pathrank_team_experts(const pathrank_team* team, size_t i);
PATHRANK_EXPORT double pathrank_team_ramp_up_hours(const pathrank_team* team, size_t i);
PATHRANK_EXPORT double pathrank_team_difficulty_gap(const pathrank_team* team, size_t i);
/* Member `m` (request order) for candidate `i`: coverage of its
 * prerequisites (NaN), 1 when the member masters it, the hours and steps of
 * the member's plan to learn it, and step `s`'s item id (NULL). */
PATHRANK_EXPORT double pathrank_team_member_coverage(const pathrank_team* team, size_t i, size_t m);
PATHRANK_EXPORT int pathrank_team_member_expert(const pathrank_team* team, size_t i, size_t m);
PATHRANK_EXPORT double pathrank_team_member_hours(const pathrank_team* team, size_t i, size_t m);
PATHRANK_EXPORT size_t pathrank_team_member_step_count(const pathrank_team* team, size_t i,
                                                       size_t m);
PATHRANK_EXPORT const char* pathrank_team_member_step(const pathrank_team* team, size_t i, size_t m,
                                                      size_t s);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* PATHRANK_C_H_ */
