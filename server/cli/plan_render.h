// Pictures of a plan: Graphviz DOT and Mermaid flowcharts. Steps are nodes
// numbered in order and grouped by week; an edge joins a step to a later step
// that lists it in a clause (solid for requires, dashed for recommends).

#ifndef PATHRANK_SERVER_CLI_PLAN_RENDER_H_
#define PATHRANK_SERVER_CLI_PLAN_RENDER_H_

#include <string>

#include "pathrank/catalog.h"
#include "pathrank/planner.h"

namespace pathrank::cli {

std::string PlanToDot(const Catalog& catalog, const Plan& plan);
std::string PlanToMermaid(const Catalog& catalog, const Plan& plan);

}  // namespace pathrank::cli

#endif  // PATHRANK_SERVER_CLI_PLAN_RENDER_H_
