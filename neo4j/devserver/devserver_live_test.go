// Package devserver_test runs neo4j/devserver (Java) as its users do, through run.sh.
package devserver_test

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"lsgatlas/internal/eventually"
	"lsgatlas/internal/livetest"
)

// startupGuard bounds each wait for Neo4j (a failure guard on a shared machine, not a
// measure: it starts in 10 to 60 s).
const startupGuard = 5 * time.Minute

func needJava(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"java", "mvn"} {
		if _, err := exec.LookPath(tool); err != nil {
			livetest.Missing(t, tool, "install a JDK 17+ and Maven to run the devserver tests")
		}
	}
}

// readLine reads stdout's first line, or fails after the guard.
func readLine(t *testing.T, r io.Reader) string {
	t.Helper()
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case s := <-line:
		return s
	case <-time.After(startupGuard):
		t.Fatal("the devserver printed no URI")
		return ""
	}
}

// TestDevServerRestartsOnItsOwnData starts the devserver twice on one data folder (the
// second start used to fail: "Old password and new password cannot be the same"), each
// time until it prints its Bolt URI, and stops it by closing stdin.
func TestDevServerRestartsOnItsOwnData(t *testing.T) {
	needJava(t)
	data := t.TempDir()
	for run := range 2 {
		cmd := exec.Command("./run.sh", "--data", data)
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		uri := readLine(t, stdout)
		stdin.Close()
		err := cmd.Wait()
		if !strings.HasPrefix(uri, "bolt://127.0.0.1:") || err != nil {
			t.Fatalf("start %d on %s: URI %q, exit %v\n%s", run+1, data, uri, err, stderr.String())
		}
	}
}

// TestDevServerExitsWithItsParent kills the process that started the devserver while
// Neo4j is still starting: the JVM must exit rather than finish starting and serve on.
func TestDevServerExitsWithItsParent(t *testing.T) {
	needJava(t)
	dir := t.TempDir()
	log := filepath.Join(dir, "stderr")
	// bash runs run.sh in the background (run.sh execs the JVM, whose parent is bash),
	// prints the JVM's pid and waits.
	parent := exec.Command("bash", "-c", `./run.sh --data "$1" --ignore-stdin >/dev/null 2>"$2" & echo $!; wait`, "bash", filepath.Join(dir, "data"), log)
	stdout, _ := parent.StdoutPipe()
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(readLine(t, stdout))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = syscall.Kill(pid, syscall.SIGKILL) })
	// Wait until the JVM is starting Neo4j, then kill its parent.
	eventually.True(t, "the devserver to start Neo4j (its log says so)", func() bool {
		b, _ := os.ReadFile(log)
		return strings.Contains(string(b), "starting Neo4j")
	})
	_ = parent.Process.Kill()
	_ = parent.Wait()
	eventually.True(t, fmt.Sprintf("the devserver (pid %d) to exit after its parent", pid), func() bool { return syscall.Kill(pid, 0) != nil })
	b, _ := os.ReadFile(log)
	if !strings.Contains(string(b), "exited") {
		t.Errorf("the devserver did not say why it stopped:\n%s", b)
	}
}
