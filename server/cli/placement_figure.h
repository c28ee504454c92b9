// The placement figure: accuracy against questions asked, adaptive order
// against catalog order, as a self-contained SVG (bench/quality/RESULTS.md).

#ifndef PATHRANK_SERVER_CLI_PLACEMENT_FIGURE_H_
#define PATHRANK_SERVER_CLI_PLACEMENT_FIGURE_H_

#include <string>

#include "pathrank/eval/placement_simulation.h"

namespace pathrank::cli {

// An SVG line chart of result.adaptive_curve and result.catalog_curve
// (x: questions 0..n, y: item-level accuracy), with the stop point
// (median questions, accuracy at the stop) marked; `title` on top.
std::string PlacementFigureSvg(const PlacementSimulationResult& result, const std::string& title);

}  // namespace pathrank::cli

#endif  // PATHRANK_SERVER_CLI_PLACEMENT_FIGURE_H_
