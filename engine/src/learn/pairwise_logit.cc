#include "learn/pairwise_logit.h"

#include <Eigen/Dense>
#include <cmath>

namespace pathrank::internal {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// log(1 + exp(-z)), stable for any z.
double LogLoss(double z) { return z > 0 ? std::log1p(std::exp(-z)) : -z + std::log1p(std::exp(z)); }

// sigma(-z) = 1 / (1 + exp(z)).
double SigmaMinus(double z) {
  if (z >= 0) {
    const double e = std::exp(-z);
    return e / (1.0 + e);
  }
  return 1.0 / (1.0 + std::exp(z));
}

class Problem {
 public:
  Problem(const PairSet& pairs, const std::vector<size_t>& columns, double l2)
      : pairs_(pairs), columns_(columns), l2_(l2), d_(columns.size()) {}

  double Loss(const VectorXd& w) const {
    double sum = 0;
    VectorXd x(d_);
    for (size_t p = 0; p < pairs_.size(); ++p) sum += LogLoss(Row(p, &x).dot(w));
    return sum / Count() + 0.5 * l2_ * w.squaredNorm();
  }

  // Gradient and Hessian at w.
  void Derivatives(const VectorXd& w, VectorXd* g, MatrixXd* h) const {
    g->setZero(d_);
    h->setZero(d_, d_);
    VectorXd x(d_);
    for (size_t p = 0; p < pairs_.size(); ++p) {
      Row(p, &x);
      const double z = x.dot(w);
      const double s = SigmaMinus(z);  // -dloss/dz
      *g -= s * x;
      h->selfadjointView<Eigen::Lower>().rankUpdate(x, s * (1.0 - s));
    }
    *g /= Count();
    *h = h->selfadjointView<Eigen::Lower>();
    *h /= Count();
    *g += l2_ * w;
    h->diagonal().array() += l2_;
  }

  size_t dimension() const { return d_; }

 private:
  double Count() const { return std::max<double>(1.0, static_cast<double>(pairs_.size())); }
  const VectorXd& Row(size_t p, VectorXd* x) const {
    const float* row = pairs_.diffs.data() + p * pairs_.width;
    for (size_t k = 0; k < d_; ++k) (*x)[k] = row[columns_[k]];
    return *x;
  }

  const PairSet& pairs_;
  const std::vector<size_t>& columns_;
  double l2_;
  size_t d_;
};

LogitFit Newton(const Problem& problem, const LogitOptions& o) {
  const size_t d = problem.dimension();
  VectorXd w = VectorXd::Zero(d);
  LogitFit fit;
  double loss = problem.Loss(w);
  VectorXd g;
  MatrixXd h;
  for (fit.iterations = 0; fit.iterations < o.max_iterations; ++fit.iterations) {
    problem.Derivatives(w, &g, &h);
    const VectorXd step = h.ldlt().solve(-g);
    const double decrement = -g.dot(step);
    if (!(decrement > 2 * o.tolerance)) {
      fit.converged = true;
      break;
    }
    double t = 1.0;
    double next = problem.Loss(w + t * step);
    while (next > loss - 0.25 * t * decrement && t > 1e-8) {
      t *= 0.5;
      next = problem.Loss(w + t * step);
    }
    w += t * step;
    loss = next;
  }
  fit.w.assign(w.data(), w.data() + d);
  fit.loss = loss;
  return fit;
}

}  // namespace

LogitFit FitPairwiseLogit(const PairSet& pairs, const std::vector<size_t>& columns,
                          const LogitOptions& options) {
  std::vector<size_t> free = columns;            // columns still fitted
  std::vector<size_t> position(columns.size());  // index into `columns` of each free one
  for (size_t k = 0; k < columns.size(); ++k) position[k] = k;
  while (true) {
    LogitFit fit = Newton(Problem(pairs, free, options.l2), options);
    size_t worst = free.size();
    for (size_t k = 0; k < free.size(); ++k) {
      const bool constrained = !options.nonnegative.empty() && options.nonnegative[position[k]];
      if (constrained && fit.w[k] < 0 && (worst == free.size() || fit.w[k] < fit.w[worst])) {
        worst = k;
      }
    }
    if (worst == free.size() || free.size() == 1) {
      LogitFit out = fit;
      out.w.assign(columns.size(), 0.0);
      for (size_t k = 0; k < free.size(); ++k) {
        const bool constrained = !options.nonnegative.empty() && options.nonnegative[position[k]];
        out.w[position[k]] = constrained ? std::max(0.0, fit.w[k]) : fit.w[k];
      }
      return out;
    }
    free.erase(free.begin() + static_cast<std::ptrdiff_t>(worst));
    position.erase(position.begin() + static_cast<std::ptrdiff_t>(worst));
  }
}

}  // namespace pathrank::internal
