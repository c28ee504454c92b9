#include "ops/metrics.h"

#include <unistd.h>

#include <cstdio>

namespace pathrank::server {

namespace {

constexpr int kMinStatus = 100;
constexpr int kStatusSlots = 500;  // 100..599

// Escapes a label value: backslash, double quote and newline.
std::string Label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", v);
  return buffer;
}

}  // namespace

int64_t ResidentMemoryBytes() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr) return -1;
  long long total_pages = 0, resident_pages = 0;
  const int read = std::fscanf(statm, "%lld %lld", &total_pages, &resident_pages);
  std::fclose(statm);
  if (read != 2) return -1;
  return resident_pages * static_cast<int64_t>(sysconf(_SC_PAGESIZE));
}

struct Metrics::Slot {
  std::string method, route;
  std::array<std::atomic<uint64_t>, kStatusSlots> by_status{};
  std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets{};  // last: +Inf
  std::atomic<uint64_t> sum_ns{0};
  std::atomic<uint64_t> count{0};
};

Metrics::Metrics(const std::vector<std::pair<std::string, std::string>>& routes) {
  for (const auto& [method, route] : routes) {
    slots_.push_back(std::make_unique<Slot>());
    slots_.back()->method = method;
    slots_.back()->route = route;
  }
  slots_.push_back(std::make_unique<Slot>());
  slots_.back()->method = "";
  slots_.back()->route = "unmatched";
}

Metrics::~Metrics() = default;

void Metrics::Record(size_t route, int status, double seconds) {
  Slot& slot = *slots_[route < slots_.size() ? route : slots_.size() - 1];
  const int s = status >= kMinStatus && status < kMinStatus + kStatusSlots ? status : 599;
  slot.by_status[s - kMinStatus].fetch_add(1, std::memory_order_relaxed);
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  slot.buckets[b].fetch_add(1, std::memory_order_relaxed);
  slot.sum_ns.fetch_add(static_cast<uint64_t>(seconds * 1e9), std::memory_order_relaxed);
  slot.count.fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::Render(const StateGauges& state) const {
  std::string out;
  out.reserve(16384);
  out +=
      "# HELP pathrank_http_requests_total HTTP requests answered, by route and status.\n"
      "# TYPE pathrank_http_requests_total counter\n";
  for (const auto& slot : slots_) {
    const std::string labels =
        "method=\"" + Label(slot->method) + "\",route=\"" + Label(slot->route) + "\"";
    for (int i = 0; i < kStatusSlots; ++i) {
      const uint64_t n = slot->by_status[i].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += "pathrank_http_requests_total{" + labels + ",status=\"" +
             std::to_string(kMinStatus + i) + "\"} " + std::to_string(n) + "\n";
    }
  }
  out +=
      "# HELP pathrank_http_request_duration_seconds Time from routing to the answer.\n"
      "# TYPE pathrank_http_request_duration_seconds histogram\n";
  for (const auto& slot : slots_) {
    const uint64_t count = slot->count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    const std::string labels =
        "method=\"" + Label(slot->method) + "\",route=\"" + Label(slot->route) + "\"";
    uint64_t cumulative = 0;
    for (size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += slot->buckets[b].load(std::memory_order_relaxed);
      const std::string le = b < kBuckets.size() ? Number(kBuckets[b]) : "+Inf";
      out += "pathrank_http_request_duration_seconds_bucket{" + labels + ",le=\"" + le + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += "pathrank_http_request_duration_seconds_sum{" + labels + "} " +
           Number(static_cast<double>(slot->sum_ns.load(std::memory_order_relaxed)) / 1e9) + "\n";
    out += "pathrank_http_request_duration_seconds_count{" + labels + "} " +
           std::to_string(cumulative) + "\n";
  }
  out +=
      "# HELP pathrank_http_requests_in_flight Requests being answered now.\n"
      "# TYPE pathrank_http_requests_in_flight gauge\n"
      "pathrank_http_requests_in_flight " +
      std::to_string(in_flight_.load(std::memory_order_relaxed)) + "\n";

  out +=
      "# HELP pathrank_catalogs_loaded Catalogs served.\n"
      "# TYPE pathrank_catalogs_loaded gauge\n"
      "pathrank_catalogs_loaded " +
      std::to_string(state.catalog_items.size()) + "\n";
  out +=
      "# HELP pathrank_catalog_items Items of each served catalog.\n"
      "# TYPE pathrank_catalog_items gauge\n";
  for (const auto& [id, items] : state.catalog_items) {
    out += "pathrank_catalog_items{catalog=\"" + Label(id) + "\"} " + std::to_string(items) + "\n";
  }
  out +=
      "# HELP pathrank_catalog_generation Snapshot generation (1 at start, +1 per reload).\n"
      "# TYPE pathrank_catalog_generation gauge\n"
      "pathrank_catalog_generation " +
      std::to_string(state.catalog_generation) + "\n";
  out +=
      "# HELP pathrank_catalog_reloads_total Reloads, by whether every source loaded.\n"
      "# TYPE pathrank_catalog_reloads_total counter\n"
      "pathrank_catalog_reloads_total{result=\"ok\"} " +
      std::to_string(state.reloads_ok) +
      "\n"
      "pathrank_catalog_reloads_total{result=\"failed\"} " +
      std::to_string(state.reloads_failed) + "\n";
  out +=
      "# HELP pathrank_learners_stored Learners in the learner store.\n"
      "# TYPE pathrank_learners_stored gauge\n";
  if (state.learners >= 0) {
    out += "pathrank_learners_stored " + std::to_string(state.learners) + "\n";
  }
  out +=
      "# HELP pathrank_store_errors_total Learner store operations that failed.\n"
      "# TYPE pathrank_store_errors_total counter\n"
      "pathrank_store_errors_total " +
      std::to_string(state.store_errors) + "\n";
  if (state.store_memory_bytes >= 0) {
    out +=
        "# HELP pathrank_store_memory_bytes Memory the learner store's library holds in this "
        "process (SQLite: page caches, statements).\n"
        "# TYPE pathrank_store_memory_bytes gauge\n"
        "pathrank_store_memory_bytes " +
        std::to_string(state.store_memory_bytes) + "\n";
  }
  if (state.resident_memory_bytes >= 0) {
    out +=
        "# HELP process_resident_memory_bytes Resident memory of the process (VmRSS).\n"
        "# TYPE process_resident_memory_bytes gauge\n"
        "process_resident_memory_bytes " +
        std::to_string(state.resident_memory_bytes) + "\n";
  }
  out +=
      "# HELP pathrank_ready 1 when catalogs are loaded and the store answers.\n"
      "# TYPE pathrank_ready gauge\n"
      "pathrank_ready " +
      std::string(state.ready ? "1" : "0") + "\n";
  return out;
}

}  // namespace pathrank::server
