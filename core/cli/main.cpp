#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"

int main(int argc, char** argv) {
    // libzip turns every entry's DOS time into a time_t with mktime(), and glibc's mktime stats
    // /etc/localtime on every call while TZ is unset: 7,600 stat calls for framework-res.apk. Naming
    // the same zone file explicitly lets glibc read it once; the zone itself does not change.
    setenv("TZ", ":/etc/localtime", /*overwrite=*/0);
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    return hearth::cli::runHearth(args, std::cin, std::cout, std::cerr);
}
