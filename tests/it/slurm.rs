//! The SLURM workflow of `tools/slurm/` (README, "Sweeps at scale") run for
//! real: this test starts munged, slurmctld and slurmd as a one-node cluster
//! on localhost (generated slurm.conf, munge key, state and logs in a
//! temporary folder; loopback only), submits a 12-point sweep as a 3-task
//! job array plus its dependent merge job with `tools/slurm/submit`, cancels
//! task 1 after its first row, resubmits with the same command (shard 1
//! resumes), and checks that the merged results.csv is byte-identical to
//! `endplate sweep` of the same file in one process. Every daemon it started
//! is stopped by PID when it ends, also when it fails.
//!
//! Needs root and the Debian packages `slurm-wlm` and `munge` (`.ci/run`
//! installs them). Without them it fails, unless `ENDPLATE_SKIP_SLURM=1`
//! is set: then it prints that it was skipped and why.

use std::ffi::OsString;
use std::fs;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// Set to 1 to skip this test (loudly) where SLURM cannot be installed.
const SKIP: &str = "ENDPLATE_SKIP_SLURM";

/// Where the daemons live besides PATH (root's sbin may be missing from PATH).
const SYSTEM_DIRS: [&str; 4] = ["/usr/sbin", "/sbin", "/usr/local/sbin", "/usr/bin"];

const PARTITION: &str = "endplate";
const NODE: &str = "endplate-node";
const SHARDS: usize = 3;

/// 12 HH points of 4 s with fixed-step RK4 (about 0.2 s of CPU each): long
/// enough to cancel a task between its rows, short enough for seconds.
const SWEEP: &str = r#"
name = "slurm-test"
metrics = ["firing_rate_hz", "spike_count", "solver.steps"]

[base]
model = "hh1952"

[base.simulation]
duration_ms = 4000.0
output_dt_ms = 1.0

[base.ions]
temperature_celsius = 6.3

[base.solver]
method = "rk4"
dt_ms = 0.01

[[base.stimulus.steps]]
start_ms = 10.0
duration_ms = 3980.0
amplitude_ua_per_cm2 = 10.0

[[axes]]
path = "stimulus.steps[0].amplitude_ua_per_cm2"
linspace = { start = 0.0, stop = 22.0, count = 12 }
"#;
const POINTS: usize = 12;

/// The programs the test runs, found on PATH or in the system folders.
struct Programs {
    munged: PathBuf,
    slurmctld: PathBuf,
    slurmd: PathBuf,
    sbatch: PathBuf,
    squeue: PathBuf,
    scancel: PathBuf,
    sinfo: PathBuf,
}

fn find(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(SYSTEM_DIRS.iter().map(PathBuf::from))
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn is_root() -> bool {
    fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|line| line.strip_prefix("Uid:"))
            .and_then(|uids| uids.split_whitespace().next())
            == Some("0")
    })
}

/// The programs, or `None` after a loud skip message when they are missing
/// and `ENDPLATE_SKIP_SLURM=1`; panics when they are missing otherwise.
fn programs_or_skip() -> Option<Programs> {
    let names = [
        "munged",
        "slurmctld",
        "slurmd",
        "sbatch",
        "squeue",
        "scancel",
        "sinfo",
    ];
    let found: Vec<Option<PathBuf>> = names.iter().map(|name| find(name)).collect();
    let missing: Vec<&str> = names
        .iter()
        .zip(&found)
        .filter(|(_, path)| path.is_none())
        .map(|(name, _)| *name)
        .collect();
    let mut problems = Vec::new();
    if !missing.is_empty() {
        problems.push(format!(
            "not installed: {} (Debian packages slurm-wlm and munge)",
            missing.join(", ")
        ));
    }
    if !is_root() {
        problems.push("not root: slurmd must run as root to start jobs".to_owned());
    }
    if problems.is_empty() {
        let mut found = found.into_iter().map(Option::unwrap);
        let mut next = || found.next().unwrap();
        return Some(Programs {
            munged: next(),
            slurmctld: next(),
            slurmd: next(),
            sbatch: next(),
            squeue: next(),
            scancel: next(),
            sinfo: next(),
        });
    }
    let why = problems.join("; ");
    if std::env::var(SKIP).as_deref() == Ok("1") {
        let rule = "!".repeat(78);
        // Straight to the stderr stream: the test harness captures eprintln!
        // of a passing test, and a skip must not be silent.
        let message = format!(
            "\n{rule}\nSKIPPED tests/it/slurm.rs (the SLURM job-array workflow was NOT tested): {why}\n\
             ({SKIP}=1 is set)\n{rule}\n"
        );
        std::io::Write::write_all(&mut std::io::stderr(), message.as_bytes())
            .expect("the skip message on stderr");
        return None;
    }
    panic!(
        "the SLURM workflow test cannot run: {why}.\n\
         Run it as root with SLURM installed (`apt-get install -y slurm-wlm munge`; .ci/run \
         does both), or set {SKIP}=1 to skip this test with a message."
    );
}

/// Two distinct free TCP ports on the loopback interface (both held until
/// both are known, so they differ).
fn free_ports() -> [u16; 2] {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    let listeners = [bind(), bind()];
    listeners.map(|listener| listener.local_addr().expect("its address").port())
}

/// The last `lines` lines of a file, or why it cannot be read.
fn tail(path: &Path, lines: usize) -> String {
    match fs::read_to_string(path) {
        Ok(text) => {
            let all: Vec<&str> = text.lines().collect();
            all[all.len().saturating_sub(lines)..].join("\n")
        }
        Err(error) => format!("({error})"),
    }
}

/// A one-node SLURM cluster on localhost; dropping it cancels its jobs and
/// stops its daemons.
struct Cluster {
    programs: Programs,
    daemons: Vec<(&'static str, Child)>,
    conf: PathBuf,
    path: OsString,
    dir: TempDir,
}

impl Cluster {
    fn start(programs: Programs) -> Self {
        let dir = TempDir::new().expect("a temporary folder");
        let root = dir.path().to_path_buf();
        for sub in ["state", "spool"] {
            fs::create_dir(root.join(sub)).unwrap();
        }
        let key = root.join("munge.key");
        let mut bytes = vec![0u8; 1024];
        fs::File::open("/dev/urandom")
            .and_then(|mut random| std::io::Read::read_exact(&mut random, &mut bytes))
            .expect("random bytes for the munge key");
        fs::write(&key, bytes).unwrap();
        fs::set_permissions(&key, fs::Permissions::from_mode(0o400)).unwrap();

        let host = fs::read_to_string("/proc/sys/kernel/hostname")
            .expect("the host name")
            .trim()
            .to_owned();
        let socket = root.join("munge.socket");
        let [ctld_port, slurmd_port] = free_ports();
        let r = root.display();
        let conf = root.join("slurm.conf");
        fs::write(
            &conf,
            format!(
                "ClusterName=endplate-test\n\
                 SlurmctldHost={host}(127.0.0.1)\n\
                 SlurmctldPort={ctld_port}\n\
                 SlurmdPort={slurmd_port}\n\
                 SlurmUser=root\n\
                 SlurmdUser=root\n\
                 AuthType=auth/munge\n\
                 CredType=cred/munge\n\
                 AuthInfo=socket={socket}\n\
                 StateSaveLocation={r}/state\n\
                 SlurmdSpoolDir={r}/spool\n\
                 SlurmctldPidFile={r}/slurmctld.pid\n\
                 SlurmdPidFile={r}/slurmd.pid\n\
                 SlurmctldLogFile={r}/slurmctld.log\n\
                 SlurmdLogFile={r}/slurmd.log\n\
                 ProctrackType=proctrack/linuxproc\n\
                 TaskPlugin=task/none\n\
                 JobAcctGatherType=jobacct_gather/none\n\
                 AccountingStorageType=accounting_storage/none\n\
                 JobCompType=jobcomp/none\n\
                 SelectType=select/cons_tres\n\
                 SelectTypeParameters=CR_CPU\n\
                 MpiDefault=none\n\
                 MailProg=/bin/true\n\
                 KillWait=5\n\
                 ReturnToService=2\n\
                 SlurmdParameters=config_overrides\n\
                 NodeName={NODE} NodeHostname={host} NodeAddr=127.0.0.1 CPUs={SHARDS} State=UNKNOWN\n\
                 PartitionName={PARTITION} Nodes={NODE} Default=YES MaxTime=INFINITE State=UP\n",
                socket = socket.display(),
            ),
        )
        .unwrap();

        let dirs = [&programs.sbatch, &programs.slurmctld]
            .into_iter()
            .filter_map(|program| program.parent().map(Path::to_path_buf));
        let inherited = std::env::var_os("PATH").unwrap_or_default();
        let path =
            std::env::join_paths(dirs.chain(std::env::split_paths(&inherited))).expect("a PATH");
        let mut cluster = Cluster {
            programs,
            daemons: Vec::new(),
            conf,
            path,
            dir,
        };

        let munged = cluster.programs.munged.clone();
        cluster.spawn(
            "munged",
            Command::new(munged).args([
                "--foreground".into(),
                "--force".into(),
                format!("--key-file={}", key.display()),
                format!("--socket={}", socket.display()),
                format!("--pid-file={r}/munged.pid"),
                format!("--log-file={r}/munged.log"),
                format!("--seed-file={r}/munged.seed"),
            ]),
        );
        cluster.wait_until("munged's socket", Duration::from_secs(20), |_| {
            socket.exists()
        });
        let (slurmctld, slurmd) = (
            cluster.programs.slurmctld.clone(),
            cluster.programs.slurmd.clone(),
        );
        let conf = cluster.conf.clone();
        cluster.spawn(
            "slurmctld",
            Command::new(slurmctld).arg("-D").arg("-f").arg(&conf),
        );
        cluster.spawn(
            "slurmd",
            Command::new(slurmd)
                .args(["-D", "-N", NODE, "-f"])
                .arg(&conf),
        );
        cluster.wait_until("the node to be idle", Duration::from_secs(60), |c| {
            let state = output(
                c.command(&c.programs.sinfo)
                    .args(["--noheader", "--format=%T"]),
            );
            String::from_utf8_lossy(&state.stdout).trim() == "idle"
        });
        cluster
    }

    /// Starts a daemon in the foreground, its output in `<name>.out`.
    fn spawn(&mut self, name: &'static str, command: &mut Command) {
        let out = fs::File::create(self.dir.path().join(format!("{name}.out"))).unwrap();
        let child = command
            .env("SLURM_CONF", &self.conf)
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        self.daemons.push((name, child));
    }

    /// A command with this cluster's slurm.conf and the SLURM programs on PATH.
    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .env("SLURM_CONF", &self.conf)
            .env("PATH", &self.path)
            .stdin(Stdio::null());
        command
    }

    /// Whether no job is pending, running or completing.
    fn queue_is_empty(&self) -> bool {
        let queue = output(
            self.command(&self.programs.squeue)
                .args(["--noheader", "--format=%i"]),
        );
        queue.status.success() && queue.stdout.iter().all(u8::is_ascii_whitespace)
    }

    /// Polls `done` every 50 ms; panics with the daemons' logs after
    /// `timeout` or when a daemon has died.
    fn wait_until(&mut self, what: &str, timeout: Duration, mut done: impl FnMut(&Self) -> bool) {
        let start = Instant::now();
        loop {
            if done(self) {
                return;
            }
            let dead: Vec<String> = self
                .daemons
                .iter_mut()
                .filter_map(|(name, child)| {
                    child
                        .try_wait()
                        .ok()
                        .flatten()
                        .map(|status| format!("{name} exited ({status})"))
                })
                .collect();
            if !dead.is_empty() || start.elapsed() > timeout {
                panic!(
                    "waiting for {what}: {}\n{}",
                    if dead.is_empty() {
                        format!("not done after {timeout:?}")
                    } else {
                        dead.join(", ")
                    },
                    self.diagnostics()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The queue and the ends of the daemons' logs, for failure messages.
    fn diagnostics(&self) -> String {
        let queue = self
            .command(&self.programs.squeue)
            .arg("--format=%i %j %T %r")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let mut text = format!("squeue:\n{queue}");
        for log in [
            "munged.out",
            "munged.log",
            "slurmctld.out",
            "slurmctld.log",
            "slurmd.out",
            "slurmd.log",
        ] {
            text += &format!("--- {log}:\n{}\n", tail(&self.dir.path().join(log), 15));
        }
        text
    }

    /// Runs `tools/slurm/submit sweep.toml out 3 --cpus-per-task=1` in `work`.
    fn submit(&self, work: &Path) -> Output {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/slurm/submit");
        output(
            self.command(script)
                .current_dir(work)
                .env("ENDPLATE", env!("CARGO_BIN_EXE_endplate"))
                .args([
                    "sweep.toml",
                    "out",
                    &SHARDS.to_string(),
                    "--cpus-per-task=1",
                ]),
        )
    }
}

impl Drop for Cluster {
    /// Cancels every job of this private cluster (so no job outlives
    /// slurmd), then stops slurmd, slurmctld and munged by PID: SIGTERM,
    /// and SIGKILL after 10 s. Never panics (it also runs while a failed
    /// test unwinds).
    fn drop(&mut self) {
        let _ = self
            .command(&self.programs.scancel)
            .args(["--partition", PARTITION])
            .status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20)
            && self
                .daemons
                .iter_mut()
                .all(|(_, c)| matches!(c.try_wait(), Ok(None)))
            && !self.queue_is_empty()
        {
            std::thread::sleep(Duration::from_millis(100));
        }
        while let Some((_, mut child)) = self.daemons.pop() {
            let _ = Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .stderr(Stdio::null())
                .status();
            let start = Instant::now();
            while matches!(child.try_wait(), Ok(None)) && start.elapsed() < Duration::from_secs(10)
            {
                std::thread::sleep(Duration::from_millis(50));
            }
            if matches!(child.try_wait(), Ok(None)) {
                let _ = child.kill();
            }
            let _ = child.wait();
        }
    }
}

/// Runs a command to its end; panics if it cannot start.
fn output(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"))
}

/// Complete (newline-terminated) rows of a results file after its header; 0 if absent.
fn complete_rows(path: &Path) -> usize {
    fs::read(path).map_or(0, |bytes| {
        bytes
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            .saturating_sub(1)
    })
}

fn manifest(dir: &Path) -> serde_json::Value {
    let text = fs::read_to_string(dir.join("sweep.json"))
        .unwrap_or_else(|e| panic!("{}/sweep.json: {e}", dir.display()));
    serde_json::from_str(&text).unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The job id in submit's line `array job ID: ...`.
fn array_job(submitted: &str) -> String {
    submitted
        .lines()
        .find_map(|line| line.strip_prefix("array job "))
        .and_then(|rest| rest.split(':').next())
        .unwrap_or_else(|| panic!("no array job in:\n{submitted}"))
        .to_owned()
}

#[test]
fn a_sweep_runs_as_a_slurm_job_array_and_a_cancelled_task_resumes() {
    let Some(programs) = programs_or_skip() else {
        return;
    };
    let started = Instant::now();
    let mut cluster = Cluster::start(programs);
    let work = cluster.dir.path().join("work");
    fs::create_dir(&work).unwrap();
    fs::write(work.join("sweep.toml"), SWEEP).unwrap();
    let out = work.join("out");
    let shard = |i: usize| out.join(format!("shard-{i}"));

    let reference = Command::new(env!("CARGO_BIN_EXE_endplate"))
        .current_dir(&work)
        .args(["sweep", "sweep.toml", "--out", "reference", "--quiet"])
        .output()
        .unwrap();
    assert!(reference.status.success(), "{}", text(&reference));

    let submitted = cluster.submit(&work);
    let submitted = text(&submitted);
    assert!(submitted.contains("shards 0,1,2 of 3"), "{submitted}");
    let array = array_job(&submitted);
    let refused = cluster.submit(&work);
    assert!(
        !refused.status.success() && text(&refused).contains("still queued or running"),
        "a second submission while the jobs run must be refused:\n{}",
        text(&refused)
    );

    // Task 1 is cancelled once it has written its first row; the merge,
    // --kill-on-invalid-dep=yes, is then cancelled when the array ends.
    let partial = shard(1).join("results.partial.csv");
    cluster.wait_until("shard 1's first row", Duration::from_secs(90), |_| {
        complete_rows(&partial) >= 1
    });
    let cancel = output(
        cluster
            .command(&cluster.programs.scancel)
            .arg(format!("{array}_1")),
    );
    assert!(cancel.status.success(), "{}", text(&cancel));
    cluster.wait_until(
        "the array to end",
        Duration::from_secs(90),
        Cluster::queue_is_empty,
    );
    let kept = complete_rows(&partial);
    let shard_points = POINTS / SHARDS;
    assert!(
        manifest(&shard(1))["complete"] == false && (1..shard_points).contains(&kept),
        "task 1 was to be cancelled between its rows; it kept {kept} of {shard_points}:\n{}",
        cluster.diagnostics()
    );
    for i in [0, 2] {
        assert_eq!(manifest(&shard(i))["complete"], true, "shard {i}");
    }
    assert!(
        !out.join("all").exists(),
        "the merge ran although task 1 was cancelled"
    );
    let log = fs::read_to_string(out.join("logs/shard-1.log")).unwrap();
    assert!(log.contains("CANCELLED"), "{log}");

    // The same command again submits shard 1 alone, which resumes.
    let resubmitted = text(&cluster.submit(&work));
    assert!(resubmitted.contains("shards 1 of 3"), "{resubmitted}");
    cluster.wait_until(
        "the resubmitted task and the merge",
        Duration::from_secs(90),
        |c| c.queue_is_empty(),
    );
    let merged = out.join("all/results.csv");
    assert!(
        merged.exists(),
        "no merged results:\n{}\n{}",
        tail(&out.join("logs/merge.log"), 20),
        cluster.diagnostics()
    );
    assert!(
        fs::read(&merged).unwrap() == fs::read(work.join("reference/results.csv")).unwrap(),
        "the merged results.csv differs from the one-process run"
    );

    let resumed = manifest(&shard(1));
    let sessions = resumed["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{resumed}");
    assert!(
        sessions[0]["wall_s"].is_null(),
        "the cancelled session never ended: {resumed}"
    );
    assert_eq!(
        sessions[1]["points_computed"],
        (shard_points - kept) as u64,
        "the resumed task computes only the rows it lacked"
    );
    let all = manifest(&out.join("all"));
    assert_eq!(all["complete"], true);
    assert_eq!(all["merged_from"].as_array().map(Vec::len), Some(SHARDS));
    assert_eq!(all["sessions"].as_array().map(Vec::len), Some(SHARDS + 1));
    let log = fs::read_to_string(out.join("logs/shard-1.log")).unwrap();
    let attempts = log
        .lines()
        .filter(|line| line.starts_with("== ") && line.contains(" shard 1/3 of "))
        .count();
    assert_eq!(attempts, 2, "two attempts logged by shard 1:\n{log}");
    assert!(
        fs::read_to_string(out.join("logs/merge.log"))
            .unwrap()
            .contains("merged 3 shards")
    );
    eprintln!(
        "SLURM workflow: 3-task array, cancel, resume and merge in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
