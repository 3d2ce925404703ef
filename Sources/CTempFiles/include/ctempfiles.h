// Temporary files removed when the process is interrupted.
//
// Plotline writes every output to a temporary file beside it and renames it into place. When
// SIGINT, SIGTERM or SIGHUP arrives in between, the handler here removes the registered
// temporary files, then lets the signal end the process as it would have. It is C because a
// signal handler may only call async-signal-safe functions (unlink, signal, raise) and must not
// allocate or take locks, which Swift code cannot promise.
#ifndef CTEMPFILES_H
#define CTEMPFILES_H

/// Installs the handlers once; later calls do nothing. Signals that were ignored stay ignored.
void ctf_install_handlers(void);

/// Registers a temporary file's path for removal on a signal; returns a slot for
/// `ctf_unregister`, or -1 when the path is too long or every slot is taken (the file is then
/// simply not cleaned up on a signal).
int ctf_register(const char *path);

/// Forgets a slot once its file has been renamed or removed.
void ctf_unregister(int slot);

#endif
