/* main_host.c: the C tests on the host. Usage: roller_tests <protocol-v1.vectors> */
#include <stdio.h>

#include "roller_check.h"

int main(int argc, char **argv) {
  FILE *f;
  setvbuf(stdout, NULL, _IOLBF, 0); /* keep stdout and stderr lines in order when both are piped */
  if (argc != 2) {
    fprintf(stderr, "usage: %s <protocol-v1.vectors>\n", argc > 0 ? argv[0] : "roller_tests");
    return 2;
  }
  f = fopen(argv[1], "r");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", argv[1]);
    printf("0 passed, 1 failed\n");
    return 2;
  }
  roller_run_all(f, argv[1]);
  fclose(f);
  return roller_test_summary();
}
