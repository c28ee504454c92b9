#include "cli/plan_render.h"

#include <cstdio>
#include <map>
#include <vector>

namespace pathrank::cli {

namespace {

struct Edge {
  size_t from, to;  // step indexes
  bool required;
};

std::vector<Edge> PlanEdges(const Catalog& c, const Plan& plan) {
  std::map<ItemId, size_t> step_of;
  for (size_t s = 0; s < plan.steps.size(); ++s) step_of[plan.steps[s].item] = s;
  std::vector<Edge> edges;
  for (size_t s = 0; s < plan.steps.size(); ++s) {
    for (const Clause& clause : c.clauses_of(plan.steps[s].item)) {
      for (ItemId a : c.alternatives(clause)) {
        auto it = step_of.find(a);
        if (it != step_of.end()) {
          edges.push_back({it->second, s, clause.type == ClauseType::kRequires});
        }
      }
    }
  }
  return edges;
}

std::string Hours(double h) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%g", h);
  return buffer;
}

// Escapes for a double-quoted DOT string.
std::string DotEscape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

// Mermaid labels are double-quoted; quotes become #quot;.
std::string MermaidEscape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '"') {
      out += "#quot;";
    } else {
      out += ch;
    }
  }
  return out;
}

std::string Label(const Catalog& c, const PlanStep& step, size_t index) {
  return std::to_string(index + 1) + ". " + c.item(step.item).title + " (" + Hours(step.hours) +
         " h)";
}

}  // namespace

std::string PlanToDot(const Catalog& c, const Plan& plan) {
  std::string out = "digraph plan {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n";
  int week = 0;
  for (size_t s = 0; s < plan.steps.size(); ++s) {
    const PlanStep& step = plan.steps[s];
    if (step.week != week) {
      if (week != 0) out += "  }\n";
      week = step.week;
      out += "  subgraph cluster_week_" + std::to_string(week) + " {\n    label=\"week " +
             std::to_string(week) + "\";\n";
    }
    out += "    s" + std::to_string(s) + " [label=\"" + DotEscape(Label(c, step, s)) + "\"" +
           (step.target_of.empty() ? "" : ", penwidth=2") + "];\n";
  }
  if (week != 0) out += "  }\n";
  for (const Edge& e : PlanEdges(c, plan)) {
    out += "  s" + std::to_string(e.from) + " -> s" + std::to_string(e.to) +
           (e.required ? "" : " [style=dashed]") + ";\n";
  }
  out += "}\n";
  return out;
}

std::string PlanToMermaid(const Catalog& c, const Plan& plan) {
  std::string out = "flowchart LR\n";
  int week = 0;
  for (size_t s = 0; s < plan.steps.size(); ++s) {
    const PlanStep& step = plan.steps[s];
    if (step.week != week) {
      if (week != 0) out += "  end\n";
      week = step.week;
      out += "  subgraph week" + std::to_string(week) + "[\"week " + std::to_string(week) + "\"]\n";
    }
    out += "    s" + std::to_string(s) + "[\"" + MermaidEscape(Label(c, step, s)) + "\"]\n";
  }
  if (week != 0) out += "  end\n";
  for (const Edge& e : PlanEdges(c, plan)) {
    out += "  s" + std::to_string(e.from) + (e.required ? " --> s" : " -.-> s") +
           std::to_string(e.to) + "\n";
  }
  return out;
}

}  // namespace pathrank::cli
