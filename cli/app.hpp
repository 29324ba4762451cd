// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace painlog::cli {

// Parses the command line, runs one command and returns the exit code.
// Every failure ends here as one "painlog: …" line on stderr.
int run(int argc, char** argv);

}  // namespace painlog::cli
