/* The C API (pathrank/c.h) from C: compiled as C11, run by CTest (under
 * ASan + UBSan + LeakSanitizer in the sanitizer build, so every handle and
 * message must be freed). Each CHECK that fails prints its line; the
 * program exits 1 when any did.
 *
 *   capi_test <path to datasets/go-backend/catalog.json> */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathrank/c.h"

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

static int contains(const char* haystack, const char* needle) {
  return haystack != NULL && strstr(haystack, needle) != NULL;
}

/* A two-stage catalog: basics <- web (requires) <- api; goal "ship" targets api. */
static const char kTinyCatalog[] =
    "{\"format\": \"pathrank.catalog/v1\", \"id\": \"tiny\", \"title\": \"Tiny\","
    " \"stages\": [{\"id\": \"s1\", \"title\": \"One\"}, {\"id\": \"s2\", \"title\": \"Two\"}],"
    " \"items\": ["
    "  {\"id\": \"basics\", \"kind\": \"topic\", \"title\": \"Basics\", \"stage\": \"s1\", "
    "\"hours\": 4, \"difficulty\": 1},"
    "  {\"id\": \"web\", \"kind\": \"framework\", \"title\": \"Web\", \"stage\": \"s2\", "
    "\"hours\": 6, \"difficulty\": 2,"
    "   \"prerequisites\": [{\"any_of\": [\"basics\"]}]},"
    "  {\"id\": \"api\", \"kind\": \"project\", \"title\": \"API\", \"stage\": \"s2\", \"hours\": "
    "10, \"difficulty\": 2,"
    "   \"prerequisites\": [{\"any_of\": [\"web\"]}]}],"
    " \"goals\": [{\"id\": \"ship\", \"title\": \"Ship\", \"items\": {\"api\": 1.0}}]}";

static void test_library(void) {
  CHECK(pathrank_abi_version() == PATHRANK_C_ABI_VERSION);
  CHECK(strcmp(pathrank_version(), "") != 0);
  CHECK(strcmp(pathrank_status_name(PATHRANK_NOT_FOUND), "NotFound") == 0);
  CHECK(strcmp(pathrank_status_name(99), "Unknown") == 0);
  pathrank_free(NULL);
}

static void test_load_errors(void) {
  pathrank_catalog* catalog = NULL;
  char* err = NULL;
  CHECK(pathrank_catalog_load_file("/nonexistent/catalog.json", &catalog, &err) ==
        PATHRANK_UNAVAILABLE);
  CHECK(catalog == NULL);
  CHECK(contains(err, "/nonexistent/catalog.json"));
  /* A second failure replaces the message (the first is freed: LSan checks). */
  const char bad[] = "{\"format\": \"pathrank.catalog/v1\", \"id\": \"x\", \"title\": 3}";
  CHECK(pathrank_catalog_load_json(bad, sizeof bad - 1, &catalog, &err) ==
        PATHRANK_INVALID_ARGUMENT);
  CHECK(contains(err, "/title"));
  CHECK(pathrank_catalog_load_json("{", 1, &catalog, NULL) == PATHRANK_INVALID_ARGUMENT);
  CHECK(pathrank_catalog_load_file(NULL, &catalog, &err) == PATHRANK_INVALID_ARGUMENT);
  CHECK(catalog == NULL);
  pathrank_free(err);
}

static void test_tiny_catalog(void) {
  pathrank_catalog* catalog = NULL;
  char* err = NULL;
  CHECK(pathrank_catalog_load_json(kTinyCatalog, strlen(kTinyCatalog), &catalog, &err) ==
        PATHRANK_OK);
  CHECK(err == NULL);
  if (catalog == NULL) {
    fprintf(stderr, "%s\n", err);
    pathrank_free(err);
    return;
  }
  CHECK(strcmp(pathrank_catalog_id(catalog), "tiny") == 0);
  CHECK(pathrank_catalog_item_count(catalog) == 3);
  CHECK(strcmp(pathrank_catalog_item_id(catalog, 2), "api") == 0);
  CHECK(strcmp(pathrank_catalog_item_kind(catalog, 1), "framework") == 0);
  CHECK(pathrank_catalog_item_hours(catalog, 0) == 4.0);
  CHECK(pathrank_catalog_item_id(catalog, 3) == NULL);
  CHECK(isnan(pathrank_catalog_item_hours(catalog, 3)));
  CHECK(pathrank_catalog_find_item(catalog, "web") == 1);
  CHECK(pathrank_catalog_find_item(catalog, "cobol") == -1);
  CHECK(pathrank_catalog_goal_count(catalog) == 1);
  CHECK(pathrank_catalog_find_goal(catalog, "ship") == 0);

  /* basics mastered: web is the only ready item, api is blocked. */
  const char* items[] = {"basics"};
  const double mastery[] = {1.0};
  const char* goals[] = {"ship"};
  const double weights[] = {1.0};
  pathrank_learner* learner = NULL;
  CHECK(pathrank_learner_create(catalog, items, mastery, 1, goals, weights, 1, &learner, &err) ==
        PATHRANK_OK);
  pathrank_ranking* ranking = NULL;
  CHECK(pathrank_recommend(catalog, NULL, learner, 5, NULL, PATHRANK_EXPLAIN, &ranking, &err) ==
        PATHRANK_OK);
  CHECK(pathrank_ranking_count(ranking) == 1);
  CHECK(strcmp(pathrank_ranking_item(ranking, 0), "web") == 0);
  CHECK(pathrank_ranking_ready(ranking, 0) == 1);
  CHECK(pathrank_ranking_serves_count(ranking, 0) == 1);
  CHECK(strcmp(pathrank_ranking_serves_goal(ranking, 0, 0), "ship") == 0);
  CHECK(pathrank_ranking_unlocks_count(ranking, 0) == 1);
  CHECK(strcmp(pathrank_ranking_unlock(ranking, 0, 0), "api") == 0);
  CHECK(contains(pathrank_ranking_reason(ranking, 0), "serves goal ship"));
  CHECK(contains(pathrank_ranking_reason(ranking, 0), "unlocks api"));
  pathrank_ranking_free(ranking);

  /* Blocked items too: api comes with its missing requires clause on web. */
  CHECK(pathrank_recommend(catalog, NULL, learner, 5, "project",
                           PATHRANK_EXPLAIN | PATHRANK_INCLUDE_BLOCKED, &ranking,
                           &err) == PATHRANK_OK);
  CHECK(pathrank_ranking_count(ranking) == 1);
  CHECK(strcmp(pathrank_ranking_item(ranking, 0), "api") == 0);
  CHECK(pathrank_ranking_ready(ranking, 0) == 0);
  CHECK(pathrank_ranking_missing_count(ranking, 0) == 1);
  CHECK(strcmp(pathrank_ranking_missing_type(ranking, 0, 0), "requires") == 0);
  CHECK(pathrank_ranking_missing_alternative_count(ranking, 0, 0) == 1);
  CHECK(strcmp(pathrank_ranking_missing_alternative(ranking, 0, 0, 0), "web") == 0);
  CHECK(pathrank_ranking_missing_alternative_mastery(ranking, 0, 0, 0) == 0.0);
  pathrank_ranking_free(ranking);

  /* The path: web then api, 16 hours. */
  pathrank_plan* plan = NULL;
  CHECK(pathrank_plan_path(catalog, NULL, learner, 8, &plan, &err) == PATHRANK_OK);
  CHECK(pathrank_plan_step_count(plan) == 2);
  CHECK(strcmp(pathrank_plan_step_item(plan, 0), "web") == 0);
  CHECK(strcmp(pathrank_plan_step_item(plan, 1), "api") == 0);
  CHECK(pathrank_plan_total_hours(plan) == 16.0);
  CHECK(pathrank_plan_step_cumulative_hours(plan, 1) == 16.0);
  CHECK(pathrank_plan_weeks(plan) == 2);
  CHECK(pathrank_plan_step_item(plan, 2) == NULL);
  pathrank_plan_free(plan);

  /* The learner keeps its catalog alive after the catalog handle is freed. */
  pathrank_catalog_free(catalog);
  pathrank_learner_free(learner);
  CHECK(err == NULL);
}

static void test_learner_errors(const pathrank_catalog* catalog) {
  const char* items[] = {"nope", "goroutines"};
  const double mastery[] = {1.0, 1.5};
  const char* goals[] = {"no-such-goal"};
  const double weights[] = {1.0};
  pathrank_learner* learner = NULL;
  char* err = NULL;
  CHECK(pathrank_learner_create(catalog, items, mastery, 2, goals, weights, 1, &learner, &err) ==
        PATHRANK_INVALID_ARGUMENT);
  CHECK(learner == NULL);
  /* Every problem is listed with its pointer. */
  CHECK(contains(err, "/mastery/nope"));
  CHECK(contains(err, "/mastery/goroutines"));
  CHECK(contains(err, "/goals/no-such-goal"));
  pathrank_free(err);
}

static pathrank_learner* go_learner(const pathrank_catalog* catalog) {
  const char* items[] = {"go-environment", "go-basic-syntax", "go-data-types"};
  const double mastery[] = {1.0, 1.0, 0.7};
  const char* goals[] = {"microservices"};
  const double weights[] = {1.0};
  pathrank_learner* learner = NULL;
  char* err = NULL;
  CHECK(pathrank_learner_create(catalog, items, mastery, 3, goals, weights, 1, &learner, &err) ==
        PATHRANK_OK);
  if (err != NULL) fprintf(stderr, "%s\n", err);
  pathrank_free(err);
  return learner;
}

static void test_recommend_go(const pathrank_catalog* catalog, const pathrank_learner* learner) {
  pathrank_ranking* ranking = NULL;
  char* err = NULL;
  CHECK(pathrank_recommend(catalog, NULL, learner, 0, NULL, 0, &ranking, &err) ==
        PATHRANK_INVALID_ARGUMENT);
  CHECK(pathrank_recommend(catalog, NULL, learner, 3, "gadget", 0, &ranking, &err) ==
        PATHRANK_INVALID_ARGUMENT);
  CHECK(contains(err, "gadget"));
  CHECK(ranking == NULL);
  CHECK(pathrank_recommend(catalog, NULL, learner, 5, NULL, PATHRANK_EXPLAIN, &ranking, &err) ==
        PATHRANK_OK);
  CHECK(pathrank_ranking_count(ranking) == 5);
  for (size_t i = 0; i + 1 < pathrank_ranking_count(ranking); ++i) {
    CHECK(pathrank_ranking_score(ranking, i) >= pathrank_ranking_score(ranking, i + 1));
  }
  pathrank_terms terms, contributions;
  CHECK(pathrank_ranking_terms(ranking, 0, &terms) == 1);
  CHECK(terms.coverage >= 0 && terms.coverage <= 1);
  CHECK(pathrank_ranking_contributions(ranking, 0, &contributions) == 1);
  CHECK(contributions.effort <= 0);
  CHECK(pathrank_ranking_terms(ranking, 5, &terms) == 0);
  CHECK(isnan(pathrank_ranking_score(ranking, 5)));
  CHECK(pathrank_ranking_item(ranking, 5) == NULL);
  CHECK(pathrank_ranking_serves_goal(ranking, 0, 99) == NULL);
  pathrank_ranking_free(ranking);

  /* Without PATHRANK_EXPLAIN there is no explanation. */
  CHECK(pathrank_recommend(catalog, NULL, learner, 3, "framework", PATHRANK_INCLUDE_BLOCKED,
                           &ranking, &err) == PATHRANK_OK);
  CHECK(pathrank_ranking_count(ranking) == 3);
  for (size_t i = 0; i < pathrank_ranking_count(ranking); ++i) {
    int64_t index = pathrank_catalog_find_item(catalog, pathrank_ranking_item(ranking, i));
    CHECK(strcmp(pathrank_catalog_item_kind(catalog, (size_t)index), "framework") == 0);
    CHECK(pathrank_ranking_contributions(ranking, i, &contributions) == 0);
    CHECK(strcmp(pathrank_ranking_reason(ranking, i), "") == 0);
  }
  pathrank_ranking_free(ranking);
  pathrank_free(err);
}

static void test_profiles(const pathrank_catalog* catalog, const pathrank_learner* learner) {
  pathrank_profile* profile = NULL;
  char* err = NULL;
  CHECK(pathrank_profile_builtin("no-such", &profile, &err) == PATHRANK_NOT_FOUND);
  CHECK(contains(err, "goal-first"));
  CHECK(pathrank_profile_builtin("goal-first", &profile, &err) == PATHRANK_OK);
  CHECK(strcmp(pathrank_profile_name(profile), "goal-first") == 0);
  CHECK(pathrank_profile_set(profile, "w_rel", -1, &err) == PATHRANK_INVALID_ARGUMENT);
  CHECK(contains(err, "w_rel"));
  CHECK(pathrank_profile_set(profile, "w_nope", 1, &err) == PATHRANK_INVALID_ARGUMENT);
  CHECK(pathrank_profile_set(profile, "w_rel", 7.5, &err) == PATHRANK_OK);
  CHECK(pathrank_profile_get(profile, "w_rel") == 7.5);
  CHECK(isnan(pathrank_profile_get(profile, "w_nope")));
  pathrank_ranking* ranking = NULL;
  CHECK(pathrank_recommend(catalog, profile, learner, 3, NULL, 0, &ranking, &err) == PATHRANK_OK);
  CHECK(pathrank_ranking_count(ranking) == 3);
  pathrank_ranking_free(ranking);
  pathrank_profile_free(profile);
  const char doc[] =
      "{\"format\": \"pathrank.profile/v1\", \"name\": \"mine\","
      " \"weights\": {\"w_eff\": 2.0}}";
  CHECK(pathrank_profile_load_json(doc, sizeof doc - 1, &profile, &err) == PATHRANK_OK);
  CHECK(pathrank_profile_get(profile, "w_eff") == 2.0);
  pathrank_profile_free(profile);
  const char bad[] = "{\"format\": \"pathrank.profile/v1\", \"weights\": {\"w_eff\": \"x\"}}";
  CHECK(pathrank_profile_load_json(bad, sizeof bad - 1, &profile, &err) ==
        PATHRANK_INVALID_ARGUMENT);
  CHECK(contains(err, "/weights/w_eff"));
  pathrank_free(err);
}

static void test_plan_go(const pathrank_catalog* catalog, const pathrank_learner* learner) {
  pathrank_plan* plan = NULL;
  char* err = NULL;
  CHECK(pathrank_plan_path(catalog, NULL, learner, 0, &plan, &err) == PATHRANK_INVALID_ARGUMENT);
  CHECK(contains(err, "hours_per_week"));
  CHECK(pathrank_plan_path(catalog, NULL, learner, 10, &plan, &err) == PATHRANK_OK);
  size_t steps = pathrank_plan_step_count(plan);
  CHECK(steps > 0);
  double previous = 0;
  for (size_t i = 0; i < steps; ++i) {
    CHECK(pathrank_plan_step_cumulative_hours(plan, i) > previous);
    previous = pathrank_plan_step_cumulative_hours(plan, i);
    CHECK(pathrank_plan_step_reason(plan, i) != NULL);
  }
  CHECK(fabs(previous - pathrank_plan_total_hours(plan)) < 1e-9);
  CHECK(pathrank_plan_step_week(plan, steps - 1) == pathrank_plan_weeks(plan));
  pathrank_plan_free(plan);
  pathrank_free(err);
}

static void test_team(const pathrank_catalog* catalog) {
  const char* ada_items[] = {"go-basic-syntax", "net-http"};
  const double ada_mastery[] = {1.0, 0.9};
  pathrank_team_member members[] = {{"ada", ada_items, ada_mastery, 2}, {"bob", NULL, NULL, 0}};
  const char* goals[] = {"microservices"};
  const double weights[] = {1.0};
  pathrank_team* team = NULL;
  char* err = NULL;
  CHECK(pathrank_team_match(catalog, NULL, members, 2, goals, weights, 1, "framework", NULL, 3,
                            &team, &err) == PATHRANK_OK);
  if (err != NULL) fprintf(stderr, "%s\n", err);
  CHECK(pathrank_team_count(team) == 3);
  for (size_t i = 0; i + 1 < pathrank_team_count(team); ++i) {
    CHECK(pathrank_team_fit(team, i) >= pathrank_team_fit(team, i + 1));
  }
  CHECK(pathrank_team_member_step_count(team, 0, 1) > 0); /* bob knows nothing */
  CHECK(pathrank_team_member_hours(team, 0, 1) >= pathrank_team_member_hours(team, 0, 0));
  CHECK(pathrank_team_member_step(team, 0, 2, 0) == NULL);
  pathrank_team_free(team);
  team = NULL;
  pathrank_team_member twins[] = {{"ada", NULL, NULL, 0}, {"ada", NULL, NULL, 0}};
  CHECK(pathrank_team_match(catalog, NULL, twins, 2, goals, weights, 1, NULL, NULL, 3, &team,
                            &err) == PATHRANK_INVALID_ARGUMENT);
  CHECK(contains(err, "/members/1/id"));
  CHECK(team == NULL);
  pathrank_free(err);
}

/* The batch call ranks each learner exactly as pathrank_recommend does. */
static void test_batch(const pathrank_catalog* catalog, const pathrank_learner* single) {
  const size_t items = pathrank_catalog_item_count(catalog);
  const size_t goals = pathrank_catalog_goal_count(catalog);
  enum { kLearners = 3, kK = 4 };
  double* mastery = calloc(kLearners * items, sizeof(double));
  double* goal_weights = calloc(kLearners * goals, sizeof(double));
  int32_t out_items[kLearners * kK];
  double out_scores[kLearners * kK];
  /* Learner 1 is go_learner's state; 0 and 2 are blank, 2 without goals. */
  mastery[1 * items + (size_t)pathrank_catalog_find_item(catalog, "go-environment")] = 1.0;
  mastery[1 * items + (size_t)pathrank_catalog_find_item(catalog, "go-basic-syntax")] = 1.0;
  mastery[1 * items + (size_t)pathrank_catalog_find_item(catalog, "go-data-types")] = 0.7;
  const size_t microservices = (size_t)pathrank_catalog_find_goal(catalog, "microservices");
  goal_weights[0 * goals + microservices] = 1.0;
  goal_weights[1 * goals + microservices] = 1.0;
  char* err = NULL;
  CHECK(pathrank_recommend_batch(catalog, NULL, mastery, goal_weights, kLearners, kK, 0, 2,
                                 out_items, out_scores, &err) == PATHRANK_OK);
  pathrank_ranking* ranking = NULL;
  CHECK(pathrank_recommend(catalog, NULL, single, kK, NULL, 0, &ranking, &err) == PATHRANK_OK);
  for (size_t j = 0; j < kK; ++j) {
    CHECK(out_items[1 * kK + j] >= 0);
    CHECK(strcmp(pathrank_catalog_item_id(catalog, (size_t)out_items[1 * kK + j]),
                 pathrank_ranking_item(ranking, j)) == 0);
    CHECK(out_scores[1 * kK + j] == pathrank_ranking_score(ranking, j));
  }
  pathrank_ranking_free(ranking);
  mastery[2 * items + 5] = 1.5;
  CHECK(pathrank_recommend_batch(catalog, NULL, mastery, NULL, kLearners, kK, 0, 1, out_items, NULL,
                                 &err) == PATHRANK_INVALID_ARGUMENT);
  CHECK(contains(err, "/mastery/2/5"));
  free(mastery);
  free(goal_weights);
  pathrank_free(err);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: capi_test <go-backend catalog.json>\n");
    return 2;
  }
  test_library();
  test_load_errors();
  test_tiny_catalog();
  pathrank_catalog* catalog = NULL;
  char* err = NULL;
  if (pathrank_catalog_load_file(argv[1], &catalog, &err) != PATHRANK_OK) {
    fprintf(stderr, "cannot load %s: %s\n", argv[1], err);
    pathrank_free(err);
    return 1;
  }
  pathrank_learner* learner = go_learner(catalog);
  test_learner_errors(catalog);
  test_recommend_go(catalog, learner);
  test_profiles(catalog, learner);
  test_plan_go(catalog, learner);
  test_team(catalog);
  test_batch(catalog, learner);
  pathrank_learner_free(learner);
  pathrank_catalog_free(catalog);
  if (failures > 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("capi_test: all checks passed\n");
  return 0;
}
