#include "catalog/graph_order.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace pathrank::internal {

std::vector<uint32_t> TopologicalOrder(const PrereqGraph& graph,
                                       std::span<const uint32_t> priority) {
  const size_t n = graph.node_count();
  // Reverse the edges: for each prerequisite, the nodes that need it.
  std::vector<uint32_t> dep_offsets(n + 1, 0);
  for (uint32_t p : graph.prereqs) ++dep_offsets[p + 1];
  for (size_t i = 0; i < n; ++i) dep_offsets[i + 1] += dep_offsets[i];
  std::vector<uint32_t> deps(graph.prereqs.size());
  std::vector<uint32_t> cursor(dep_offsets.begin(), dep_offsets.end() - 1);
  std::vector<uint32_t> pending(n);
  for (uint32_t node = 0; node < n; ++node) {
    pending[node] = graph.offsets[node + 1] - graph.offsets[node];
    for (uint32_t k = graph.offsets[node]; k < graph.offsets[node + 1]; ++k) {
      deps[cursor[graph.prereqs[k]]++] = node;
    }
  }

  using Key = std::pair<uint32_t, uint32_t>;  // (priority, node)
  std::priority_queue<Key, std::vector<Key>, std::greater<Key>> ready;
  for (uint32_t node = 0; node < n; ++node) {
    if (pending[node] == 0) ready.push({priority[node], node});
  }
  std::vector<uint32_t> order;
  order.reserve(n);
  while (!ready.empty()) {
    const uint32_t node = ready.top().second;
    ready.pop();
    order.push_back(node);
    for (uint32_t k = dep_offsets[node]; k < dep_offsets[node + 1]; ++k) {
      const uint32_t d = deps[k];
      if (--pending[d] == 0) ready.push({priority[d], d});
    }
  }
  return order;
}

namespace {

// Iterative Tarjan over the nodes with in_play[node]; returns the components
// with more than one node.
std::vector<std::vector<uint32_t>> NonTrivialComponents(const PrereqGraph& graph,
                                                        const std::vector<bool>& in_play) {
  const size_t n = graph.node_count();
  constexpr uint32_t kUnvisited = UINT32_MAX;
  std::vector<uint32_t> index(n, kUnvisited), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<uint32_t> stack;
  std::vector<std::pair<uint32_t, uint32_t>> frames;  // (node, next edge)
  std::vector<std::vector<uint32_t>> components;
  uint32_t next_index = 0;

  for (uint32_t root = 0; root < n; ++root) {
    if (!in_play[root] || index[root] != kUnvisited) continue;
    frames.push_back({root, graph.offsets[root]});
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      auto& [node, edge] = frames.back();
      if (edge < graph.offsets[node + 1]) {
        const uint32_t next = graph.prereqs[edge++];
        if (!in_play[next]) continue;
        if (index[next] == kUnvisited) {
          index[next] = low[next] = next_index++;
          stack.push_back(next);
          on_stack[next] = true;
          frames.push_back({next, graph.offsets[next]});
        } else if (on_stack[next]) {
          low[node] = std::min(low[node], index[next]);
        }
        continue;
      }
      const uint32_t done = node;
      frames.pop_back();
      if (!frames.empty()) {
        const uint32_t parent = frames.back().first;
        low[parent] = std::min(low[parent], low[done]);
      }
      if (low[done] == index[done]) {
        std::vector<uint32_t> component;
        uint32_t member;
        do {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = false;
          component.push_back(member);
        } while (member != done);
        if (component.size() > 1) components.push_back(std::move(component));
      }
    }
  }
  return components;
}

}  // namespace

std::vector<std::vector<uint32_t>> FindCycles(const PrereqGraph& graph,
                                              std::span<const uint32_t> ordered) {
  const size_t n = graph.node_count();
  std::vector<bool> in_play(n, true);
  for (uint32_t node : ordered) in_play[node] = false;

  std::vector<std::vector<uint32_t>> cycles;
  std::vector<bool> in_component(n, false);
  std::vector<uint32_t> position(n, UINT32_MAX);
  for (auto& component : NonTrivialComponents(graph, in_play)) {
    for (uint32_t node : component) in_component[node] = true;
    // Walk from the smallest node, always to the smallest prerequisite inside
    // the component, until a node repeats: every node of a non-trivial
    // component has such a prerequisite, so the walk closes a cycle.
    std::vector<uint32_t> path;
    uint32_t node = *std::min_element(component.begin(), component.end());
    while (position[node] == UINT32_MAX) {
      position[node] = static_cast<uint32_t>(path.size());
      path.push_back(node);
      uint32_t next = UINT32_MAX;
      for (uint32_t k = graph.offsets[node]; k < graph.offsets[node + 1]; ++k) {
        const uint32_t p = graph.prereqs[k];
        if (in_component[p] && p < next) next = p;
      }
      node = next;
    }
    std::vector<uint32_t> cycle(path.begin() + position[node], path.end());
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    for (uint32_t member : path) position[member] = UINT32_MAX;
    for (uint32_t member : component) in_component[member] = false;
    cycles.push_back(std::move(cycle));
  }
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

}  // namespace pathrank::internal
