// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// A command: main() built with the command exec model and wrapped by a preview1 command adapter, so
// the component exports wasi:cli/run. It prints its arguments and environment, copies stdin to stdout
// in upper case, says "bye" on stderr, and then finishes as argv[1] says: "exit N" calls exit(N),
// "return N" returns N from main (the adapter turns a non-zero return into an exit), "trap" traps.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("argc=%d", argc);
    for (int i = 0; i < argc; i++) printf(" [%s]", argv[i]);
    printf("\n");
    for (char **e = environ; e && *e; e++) printf("env %s\n", *e);
    char buf[4096]; ssize_t got;
    while ((got = read(0, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < got; i++) buf[i] = (char)toupper((unsigned char)buf[i]);
        fwrite(buf, 1, (size_t)got, stdout);
    }
    fflush(stdout);
    fprintf(stderr, "bye\n");
    if (argc > 2 && !strcmp(argv[1], "exit")) exit(atoi(argv[2]));
    if (argc > 2 && !strcmp(argv[1], "return")) return atoi(argv[2]);
    if (argc > 1 && !strcmp(argv[1], "trap")) __builtin_trap();
    return 0;
}
