// The data generator's random numbers (liangxin gen): a small, fully
// specified generator (SplitMix64 seeding xoshiro256**) and the few
// distributions it needs, written out here because the standard library's
// distributions differ between implementations — a seed must give the same
// district on every machine.
#pragma once
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lx::app::gen {

// SplitMix64: one step of the seeding sequence; also a good 64-bit mix.
inline std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class Rng {
 public:
  // A generator for one stream: the seed, a stream name and an index, so
  // that every org, party org or member draws from its own sequence and the
  // same record comes out whatever else is generated around it.
  Rng(std::uint64_t seed, std::string_view stream, std::uint64_t index = 0) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a of the stream name
    for (unsigned char ch : stream) h = (h ^ ch) * 1099511628211ULL;
    std::uint64_t x = mix64(seed) ^ mix64(h) ^ mix64(index * 0x2545f4914f6cdd1dULL + 1);
    for (auto& s : s_) s = x = mix64(x);
  }

  // Uniform 64 random bits (xoshiro256**).
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n) (n > 0).
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  // Uniform integer in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // True with probability p.
  bool chance(double p) { return unit() < p; }
  // Standard normal (Box–Muller, one value per call).
  double normal() {
    const double u = 1.0 - unit(), v = unit();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
  }
  // Log-normal with the given median and shape sigma.
  double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
  // An index drawn with the given weights (not all zero).
  template <typename W>
  std::size_t weighted(const std::vector<W>& weights, double total) {
    double x = unit() * total;
    for (std::size_t k = 0; k < weights.size(); ++k) {
      x -= static_cast<double>(weights[k]);
      if (x < 0) return k;
    }
    return weights.size() - 1;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// A table to draw from by weight in O(log n): cumulative weights.
class WeightedTable {
 public:
  WeightedTable() = default;
  explicit WeightedTable(const std::vector<double>& weights) {
    double sum = 0;
    for (double w : weights) cumulative_.push_back(sum += w);
  }
  std::size_t draw(Rng& r) const {
    const double x = r.unit() * cumulative_.back();
    std::size_t lo = 0, hi = cumulative_.size() - 1;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (cumulative_[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  std::size_t size() const { return cumulative_.size(); }

 private:
  std::vector<double> cumulative_;
};

}  // namespace lx::app::gen
