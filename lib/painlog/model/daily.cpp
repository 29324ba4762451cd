// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/daily.hpp"

#include <algorithm>
#include <map>

namespace painlog {
namespace {

constexpr std::array metric_names{"pain", "mood", "energy", "sleep_hours", "sleep_quality", "activity"};

}  // namespace

std::string_view name_of(Metric metric) { return metric_names[static_cast<std::size_t>(metric)]; }

std::optional<Metric> metric_named(std::string_view name) {
    for (auto metric : all_metrics)
        if (name_of(metric) == name) return metric;
    return std::nullopt;
}

bool lower_is_better(Metric metric) { return metric == Metric::pain; }

std::optional<double> value_of(const Entry& entry, Metric metric) {
    auto as_double = [](const std::optional<int>& v) { return v ? std::optional<double>(*v) : std::nullopt; };
    switch (metric) {
        case Metric::pain: return as_double(entry.rating(Rating::pain));
        case Metric::mood: return as_double(entry.rating(Rating::mood));
        case Metric::energy: return as_double(entry.rating(Rating::energy));
        case Metric::sleep_hours: return entry.sleep_hours;
        case Metric::sleep_quality: return as_double(entry.rating(Rating::sleep_quality));
        case Metric::activity: return as_double(entry.rating(Rating::activity));
    }
    return std::nullopt;
}

void DailyValuesBuilder::add(const Entry& entry) {
    auto& [day, sums] = days_[entry.day];
    day.day = entry.day;
    ++day.entries;
    for (auto metric : all_metrics) {
        if (auto v = value_of(entry, metric)) {
            auto& sum = sums[static_cast<std::size_t>(metric)];
            sum.total += *v;
            ++sum.count;
        }
    }
    for (const auto& tag : entry.tags) add_tag(day.tags, tag.kind, tag.name);
    if (!entry.regions.empty()) day.regions |= region_set(entry.regions);
    if (!entry.qualities.empty()) day.qualities |= quality_set(entry.qualities);
}

std::vector<DailyValues> DailyValuesBuilder::finish() && {
    std::vector<DailyValues> result;
    result.reserve(days_.size());
    for (auto& [key, pair] : days_) {
        auto& [day, sums] = pair;
        for (std::size_t i = 0; i < sums.size(); ++i)
            if (sums[i].count > 0) day.values[i] = sums[i].total / sums[i].count;
        result.push_back(std::move(day));
    }
    return result;
}

std::vector<DailyValues> daily_values(const std::vector<Entry>& entries) {
    DailyValuesBuilder builder;
    for (const auto& entry : entries) builder.add(entry);
    return std::move(builder).finish();
}

}  // namespace painlog
