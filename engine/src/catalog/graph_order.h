// Topological ordering and cycle finding over a prerequisite graph given as
// CSR adjacency. Private to engine/src.

#ifndef PATHRANK_SRC_CATALOG_GRAPH_ORDER_H_
#define PATHRANK_SRC_CATALOG_GRAPH_ORDER_H_

#include <cstdint>
#include <span>
#include <vector>

namespace pathrank::internal {

// A graph where node n needs the nodes prereqs[offsets[n] .. offsets[n+1]).
struct PrereqGraph {
  std::span<const uint32_t> offsets;  // node_count + 1 entries
  std::span<const uint32_t> prereqs;
  size_t node_count() const { return offsets.size() - 1; }
};

// Kahn's algorithm: prerequisites first; among nodes ready together the one
// with the smaller (priority[n], n) comes first. Returns fewer than
// node_count() nodes when the graph has a cycle.
std::vector<uint32_t> TopologicalOrder(const PrereqGraph& graph,
                                       std::span<const uint32_t> priority);

// One simple cycle per non-trivial strongly connected component of the nodes
// not in `ordered` (the output of TopologicalOrder). Each cycle lists nodes
// n0, n1, ..., nk where each needs the next and nk needs n0; it starts at its
// smallest node. Cycles are sorted by their first node.
std::vector<std::vector<uint32_t>> FindCycles(const PrereqGraph& graph,
                                              std::span<const uint32_t> ordered);

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_CATALOG_GRAPH_ORDER_H_
