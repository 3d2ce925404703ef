#include "ctempfiles.h"

#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

// One slot per temporary file in flight: a batch writes at most a few per core at once.
#define SLOTS 256
#define FREE 0
#define CLAIMED 1
#define READY 2

static char paths[SLOTS][PATH_MAX];
static _Atomic int states[SLOTS];
static atomic_flag installed = ATOMIC_FLAG_INIT;

static void on_signal(int sig) {
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&states[i]) == READY) unlink(paths[i]);
    }
    // End the process the way the signal would have, so the parent sees the right status.
    signal(sig, SIG_DFL);
    raise(sig);
}

void ctf_install_handlers(void) {
    if (atomic_flag_test_and_set(&installed)) return;
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (unsigned k = 0; k < sizeof sigs / sizeof sigs[0]; k++) {
        struct sigaction old;
        if (sigaction(sigs[k], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_signal;
        sigemptyset(&action.sa_mask);
        sigaction(sigs[k], &action, NULL);
    }
}

int ctf_register(const char *path) {
    size_t length = strlen(path);
    if (length >= PATH_MAX) return -1;
    for (int i = 0; i < SLOTS; i++) {
        int expected = FREE;
        if (atomic_compare_exchange_strong(&states[i], &expected, CLAIMED)) {
            memcpy(paths[i], path, length + 1);
            atomic_store(&states[i], READY);
            return i;
        }
    }
    return -1;
}

void ctf_unregister(int slot) {
    if (slot >= 0 && slot < SLOTS) atomic_store(&states[slot], FREE);
}
