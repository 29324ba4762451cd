// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// From entries to diary days: a day's value for a metric is the mean of
// that day's entries that carry it. Statistics work on these.

#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "painlog/model/body.hpp"
#include "painlog/model/entry.hpp"

namespace painlog {

enum class Metric { pain, mood, energy, sleep_hours, sleep_quality, activity };
inline constexpr std::array all_metrics{Metric::pain,          Metric::mood,         Metric::energy,
                                        Metric::sleep_hours,   Metric::sleep_quality, Metric::activity};

[[nodiscard]] std::string_view name_of(Metric metric);  // pain, mood, energy, sleep_hours, sleep_quality, activity
[[nodiscard]] std::optional<Metric> metric_named(std::string_view name);
// Pain is better when lower; every other metric when higher.
[[nodiscard]] bool lower_is_better(Metric metric);
[[nodiscard]] std::optional<double> value_of(const Entry& entry, Metric metric);

struct DailyValues {
    Day day;
    std::array<std::optional<double>, all_metrics.size()> values{};  // indexed by Metric
    int entries = 0;
    std::vector<Tag> tags;  // every tag used that day, sorted, once
    RegionSet regions;      // every body region of the vocabulary named that day
    QualitySet qualities;   // every pain quality of the vocabulary named that day

    [[nodiscard]] const std::optional<double>& value(Metric m) const { return values[static_cast<std::size_t>(m)]; }
};

// One element per diary day that has entries, in day order. `entries` may be
// in any order.
[[nodiscard]] std::vector<DailyValues> daily_values(const std::vector<Entry>& entries);

// The same, from entries handed over one at a time, so that a caller reading
// years of them holds days rather than entries.
class DailyValuesBuilder {
public:
    void add(const Entry& entry);
    [[nodiscard]] std::vector<DailyValues> finish() &&;

private:
    struct Sum {
        double total = 0;
        int count = 0;
    };
    std::map<Day, std::pair<DailyValues, std::array<Sum, all_metrics.size()>>> days_;
};

}  // namespace painlog
