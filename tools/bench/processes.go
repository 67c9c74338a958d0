package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/prometheus/procfs"
)

// server is one measured server: its own process, on loopback.
type server struct {
	name  string
	url   string
	cmd   *exec.Cmd
	proc  procfs.FS
	dbPID int // the database process it calls, when it has one on this machine
}

// cpuTimes is the CPU the server's process and its database's have used so far.
func (s *server) cpuTimes() (own, db time.Duration, err error) {
	if own, err = processCPU(s.proc, s.cmd.Process.Pid); err != nil {
		return 0, 0, fmt.Errorf("%s: %w", s.name, err)
	}
	if s.dbPID != 0 {
		if db, err = processCPU(s.proc, s.dbPID); err != nil {
			return 0, 0, fmt.Errorf("%s's database: %w", s.name, err)
		}
	}
	return own, db, nil
}

// processCPU is the user and system time a process (all its threads) has used, from
// /proc/<pid>/stat, in the kernel's ticks (USER_HZ, 100 a second).
func processCPU(fs procfs.FS, pid int) (time.Duration, error) {
	p, err := fs.Proc(pid)
	if err != nil {
		return 0, err
	}
	st, err := p.Stat()
	if err != nil {
		return 0, err
	}
	return time.Duration(st.UTime+st.STime) * (time.Second / 100), nil
}

// listenerPID finds the process listening on a TCP port of this machine (to count a
// local Neo4j's CPU), or 0 when none is visible to this user.
func listenerPID(fs procfs.FS, port int) (int, error) {
	var inodes []string
	for _, read := range []func() (procfs.NetTCP, error){fs.NetTCP, fs.NetTCP6} {
		lines, err := read()
		if err != nil {
			continue // no IPv6, say
		}
		for _, l := range lines {
			const listening = 0x0A
			if l.LocalPort == uint64(port) && l.St == listening {
				inodes = append(inodes, "socket:["+strconv.FormatUint(l.Inode, 10)+"]")
			}
		}
	}
	if len(inodes) == 0 {
		return 0, nil
	}
	procs, err := fs.AllProcs()
	if err != nil {
		return 0, err
	}
	for _, p := range procs {
		targets, err := p.FileDescriptorTargets()
		if err != nil {
			continue // gone, or another user's
		}
		for _, t := range targets {
			for _, inode := range inodes {
				if t == inode {
					return p.PID, nil
				}
			}
		}
	}
	return 0, nil
}

// freeAddr picks a free loopback port for a server to listen on.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// start runs a server process listening on addr and waits until it accepts connections,
// or, when ready names a path, until a GET of it says 200 (the service listens before its
// store is connected, and says so at /readyz); at most two minutes.
func start(name, addr, ready string, env []string, dir string, argv ...string) (*server, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env, cmd.Dir = env, dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	// The servers end with this process, however it ends.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	fs, err := procfs.NewFS("/proc")
	if err != nil {
		return nil, err
	}
	s := &server{name: name, url: "http://" + addr + "/graphql", cmd: cmd, proc: fs}
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); {
		select {
		case err := <-exited:
			return nil, fmt.Errorf("%s exited before it listened: %v", name, err)
		case <-time.After(100 * time.Millisecond):
		}
		if ready == "" {
			if c, err := net.Dial("tcp", addr); err == nil {
				c.Close()
				return s, nil
			}
		} else if resp, err := http.Get("http://" + addr + ready); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
	}
	s.stop()
	return nil, fmt.Errorf("%s was not ready on %s within two minutes", name, addr)
}

func (s *server) stop() {
	_ = s.cmd.Process.Kill()
}

// environ is this process's environment without the variables whose names start with
// one of dropPrefixes, plus extra.
func environ(dropPrefixes []string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !slices.ContainsFunc(dropPrefixes, func(p string) bool { return strings.HasPrefix(name, p) }) {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

func post(client *http.Client, url string, body []byte) ([]byte, error) {
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		if len(b) == 0 {
			b = []byte(resp.Status)
		}
		err = fmt.Errorf("status %d: %.300s", resp.StatusCode, b)
	}
	return b, err
}
