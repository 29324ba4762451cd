// SPDX-License-Identifier: GPL-3.0-or-later
// painlog body: the body regions and pain qualities painlog recognises, so
// that a person (and a script) can see the names --where and --feels take.

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/model/body.hpp"
#include "painlog/util/table.hpp"
#include "painlog/util/text.hpp"

namespace painlog::cli {
namespace {

using BodyJson = nlohmann::ordered_json;

struct BodyOptions {
    std::string format;
};

std::string_view view_name(View view) {
    switch (view) {
        case View::front: return "front";
        case View::back: return "back";
        case View::both: return "both";
    }
    return "";
}

std::string aliases_text(std::span<const std::string_view> aliases) {
    std::string out;
    for (auto a : aliases) out += (out.empty() ? "" : ", ") + std::string(a);
    return out;
}

// The group a region belongs to ("feet" for left-foot), or "".
std::string_view group_of(std::string_view region) {
    for (const auto& g : region_groups())
        if (g.left == region || g.right == region) return g.name;
    return "";
}

void run_regions(const BodyOptions& opts, Context& ctx) {
    if (opts.format == "json") {
        auto list = BodyJson::array();
        for (const auto& r : body_regions())
            list.push_back({{"name", r.name},
                            {"label", r.label},
                            {"wpi_area", r.wpi ? BodyJson(name_of(*r.wpi)) : BodyJson(nullptr)},
                            {"view", view_name(r.view)},
                            {"aliases", r.aliases},
                            {"both_sides", group_of(r.name).empty() ? BodyJson(nullptr) : BodyJson(group_of(r.name))}});
        return print_json(ctx.out, list);
    }
    TextTable table({{"Region"}, {"WPI area"}, {"Map"}, {"Also"}});
    for (const auto& r : body_regions()) {
        auto also = aliases_text(r.aliases);
        if (auto group = group_of(r.name); !group.empty()) also += fmt::format("{}{} (both)", also.empty() ? "" : ", ", group);
        table.add_row({{std::string(r.name)}, {r.wpi ? std::string(label_of(*r.wpi)) : "-"},
                       {std::string(view_name(r.view))}, {also}});
    }
    ctx.out << table.render(ctx.color(), ctx.table_width());
    ctx.out << wrap_words("WPI area: the Widespread Pain Index area (Wolfe et al. 2010, 2016) the region lies in; the "
                          "index itself is a clinician's assessment of the past week. Map: the outline of the "
                          "report's body map that shows it. Case, spaces and underscores do not matter; l- and r- "
                          "stand for left- and right-.",
                          78, "", "");
}

void run_qualities(const BodyOptions& opts, Context& ctx) {
    if (opts.format == "json") {
        auto list = BodyJson::array();
        for (const auto& q : pain_qualities())
            list.push_back({{"name", q.name}, {"label", q.label}, {"neuropathic", q.neuropathic}, {"aliases", q.aliases}});
        return print_json(ctx.out, list);
    }
    TextTable table({{"Quality"}, {"Kind"}, {"Also"}});
    for (const auto& q : pain_qualities())
        table.add_row({{std::string(q.name)}, {q.neuropathic ? "neuropathic" : "other"}, {aliases_text(q.aliases)}});
    ctx.out << table.render(ctx.color(), ctx.table_width());
    ctx.out << wrap_words("Neuropathic: a descriptor of the DN4, NPSI or painDETECT screening tools. A descriptor is "
                          "a word for what you feel, not a diagnosis.",
                          78, "", "");
}

}  // namespace

void setup_body(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("body", "The body regions (--where) and pain qualities (--feels) painlog knows");
    cmd->require_subcommand(1);
    auto opts = std::make_shared<BodyOptions>();
    auto* regions = cmd->add_subcommand("regions", "Body regions with their WPI area, map view and aliases");
    add_format_option(*regions, opts->format, {"text", "json"});
    regions->callback([opts, &ctx] { run_regions(*opts, ctx); });
    auto* qualities = cmd->add_subcommand("qualities", "Pain qualities, neuropathic descriptors first");
    add_format_option(*qualities, opts->format, {"text", "json"});
    qualities->callback([opts, &ctx] { run_qualities(*opts, ctx); });
}

}  // namespace painlog::cli
