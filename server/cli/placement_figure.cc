#include "cli/placement_figure.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "cli/table.h"

namespace pathrank::cli {

namespace {

constexpr double kWidth = 640, kHeight = 400;
constexpr double kLeft = 60, kRight = 20, kTop = 40, kBottom = 50;

struct Axes {
  double x_max, y_min, y_max;
  double X(double q) const { return kLeft + q / x_max * (kWidth - kLeft - kRight); }
  double Y(double a) const {
    return kHeight - kBottom - (a - y_min) / (y_max - y_min) * (kHeight - kTop - kBottom);
  }
};

std::string Polyline(const Axes& axes, const std::vector<double>& curve, const char* color) {
  std::string points;
  for (size_t k = 0; k < curve.size(); ++k) {
    points += Fixed(axes.X(static_cast<double>(k)), 1) + "," + Fixed(axes.Y(curve[k]), 1) + " ";
  }
  return "<polyline fill=\"none\" stroke=\"" + std::string(color) +
         "\" stroke-width=\"2\" points=\"" + points + "\"/>\n";
}

std::string Text(double x, double y, const std::string& text, const char* anchor = "middle") {
  return "<text x=\"" + Fixed(x, 1) + "\" y=\"" + Fixed(y, 1) + "\" text-anchor=\"" + anchor +
         "\">" + text + "</text>\n";
}

}  // namespace

std::string PlacementFigureSvg(const PlacementSimulationResult& r, const std::string& title) {
  double lo = 1, hi = 0;
  for (const auto* curve : {&r.adaptive_curve, &r.catalog_curve}) {
    for (double v : *curve) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  const Axes axes{static_cast<double>(r.adaptive_curve.size() - 1), std::floor(lo * 20) / 20,
                  std::min(1.0, std::ceil(hi * 20) / 20 + 0.001)};
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"400\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n"
      "<rect width=\"640\" height=\"400\" fill=\"white\"/>\n";
  svg += Text(kWidth / 2, 22, title);
  for (double a = axes.y_min; a <= axes.y_max + 1e-9; a += 0.05) {
    svg += "<line x1=\"" + Fixed(kLeft, 1) + "\" x2=\"" + Fixed(kWidth - kRight, 1) + "\" y1=\"" +
           Fixed(axes.Y(a), 1) + "\" y2=\"" + Fixed(axes.Y(a), 1) + "\" stroke=\"#ddd\"/>\n";
    svg += Text(kLeft - 6, axes.Y(a) + 4, Fixed(a, 2), "end");
  }
  for (double q = 0; q <= axes.x_max; q += 5)
    svg += Text(axes.X(q), kHeight - kBottom + 16, Fixed(q, 0));
  svg += Text(kWidth / 2, kHeight - 12, "questions answered");
  svg += "<text transform=\"translate(16," + Fixed(kHeight / 2, 0) +
         ") rotate(-90)\" text-anchor=\"middle\">item-level accuracy</text>\n";
  svg += Polyline(axes, r.adaptive_curve, "#1f77b4");
  svg += Polyline(axes, r.catalog_curve, "#d62728");
  const double sx = axes.X(r.median_questions), sy = axes.Y(r.stopped_accuracy);
  svg += "<circle cx=\"" + Fixed(sx, 1) + "\" cy=\"" + Fixed(sy, 1) +
         "\" r=\"5\" fill=\"none\" stroke=\"black\"/>\n";
  svg += Text(sx + 8, sy + 18,
              "stop rule: median " + Fixed(r.median_questions, 0) + " questions, accuracy " +
                  Fixed(r.stopped_accuracy, 3),
              "start");
  svg += "<line x1=\"380\" x2=\"410\" y1=\"" + Fixed(kHeight - kBottom - 40, 0) + "\" y2=\"" +
         Fixed(kHeight - kBottom - 40, 0) + "\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n";
  svg += Text(416, kHeight - kBottom - 36, "adaptive (most informative item)", "start");
  svg += "<line x1=\"380\" x2=\"410\" y1=\"" + Fixed(kHeight - kBottom - 20, 0) + "\" y2=\"" +
         Fixed(kHeight - kBottom - 20, 0) + "\" stroke=\"#d62728\" stroke-width=\"2\"/>\n";
  svg += Text(416, kHeight - kBottom - 16, "catalog order", "start");
  svg += "</svg>\n";
  return svg;
}

}  // namespace pathrank::cli
