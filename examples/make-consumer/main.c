/* Embedding pathrank from C (pathrank/c.h): the next three items for a
 * learner, with the reason for each, and the path to the goal.
 *
 *   consumer /usr/share/pathrank/datasets/go-backend/catalog.json */

#include <pathrank/c.h>
#include <stdio.h>

/* Prints the failure and frees its message; returns 1 for main. */
static int fail(const char* what, pathrank_status status, char* err) {
  fprintf(stderr, "%s: %s: %s\n", what, pathrank_status_name(status), err);
  pathrank_free(err);
  return 1;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: consumer CATALOG.json\n");
    return 2;
  }
  if (pathrank_abi_version() != PATHRANK_C_ABI_VERSION) {
    fprintf(stderr, "libpathrank has C ABI %d, this program needs %d\n", pathrank_abi_version(),
            PATHRANK_C_ABI_VERSION);
    return 1;
  }
  char* err = NULL;
  pathrank_catalog* catalog = NULL;
  pathrank_status status = pathrank_catalog_load_file(argv[1], &catalog, &err);
  if (status != PATHRANK_OK) return fail("load", status, err);

  const char* items[] = {"go-environment", "go-basic-syntax", "go-data-types"};
  const double mastery[] = {1.0, 1.0, 0.7};
  const char* goals[] = {"microservices"};
  const double weights[] = {1.0};
  pathrank_learner* learner = NULL;
  status = pathrank_learner_create(catalog, items, mastery, 3, goals, weights, 1, &learner, &err);
  if (status != PATHRANK_OK) return fail("learner", status, err);

  pathrank_ranking* next = NULL;
  status = pathrank_recommend(catalog, NULL, learner, 3, NULL, PATHRANK_EXPLAIN, &next, &err);
  if (status != PATHRANK_OK) return fail("recommend", status, err);
  for (size_t i = 0; i < pathrank_ranking_count(next); ++i) {
    printf("%s  %.3f  %s\n", pathrank_ranking_item(next, i), pathrank_ranking_score(next, i),
           pathrank_ranking_reason(next, i));
  }

  pathrank_plan* plan = NULL;
  status = pathrank_plan_path(catalog, NULL, learner, 10, &plan, &err);
  if (status != PATHRANK_OK) return fail("plan", status, err);
  printf("path: %zu steps, %g hours, %d weeks at 10 h/week; first %s\n",
         pathrank_plan_step_count(plan), pathrank_plan_total_hours(plan), pathrank_plan_weeks(plan),
         pathrank_plan_step_item(plan, 0));

  pathrank_plan_free(plan);
  pathrank_ranking_free(next);
  pathrank_learner_free(learner);
  pathrank_catalog_free(catalog);
  return 0;
}
