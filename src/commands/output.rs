//! Writing a subcommand's output as Unix tools do. A reader that goes away (`| head -1`) is
//! not an error: the command stops quietly with status 0. A write that fails (`> /dev/full`, a
//! disk that fills) is one line on stderr and status 1, never a panic nor a silent success.
//! Messages that name a file are sanitised: a file name can hold escape sequences too.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Why a subcommand stopped.
#[derive(Debug)]
pub enum Failure {
    /// Its output could not be written.
    Write(io::Error),
    /// It could not do its work (a path that does not exist, a damaged file): the line says why.
    Failed(String),
    /// The same, said in several lines (the entities a name is ambiguous between).
    Listed(String),
    /// It did what it could, and said on the way what it could not (an article that could
    /// not be read): status 2, nothing more to say.
    Said,
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Write(e)
    }
}

pub type Outcome = Result<(), Failure>;

/// Standard output, buffered; every write's error is kept for [`finish`].
pub struct Out {
    inner: BufWriter<io::StdoutLock<'static>>,
}

impl Out {
    pub fn stdout() -> Out {
        Out {
            inner: BufWriter::new(io::stdout().lock()),
        }
    }

    pub fn write(&mut self, text: &str) -> Outcome {
        self.inner.write_all(text.as_bytes())?;
        Ok(())
    }

    pub fn line(&mut self, text: &str) -> Outcome {
        self.write(text)?;
        self.write("\n")
    }

    /// Flushes: the last write error, if any, shows here (stdout is buffered).
    pub fn done(mut self) -> Outcome {
        self.inner.flush()?;
        Ok(())
    }
}

/// One line on stderr, `liseuse: …`, made safe for the terminal. A stderr that cannot be
/// written to is not worth a panic: the status still says what happened.
pub fn say(line: &str) {
    let _ = writeln!(
        io::stderr().lock(),
        "liseuse: {}",
        liseuse_document::sanitize::one_line(line)
    );
}

/// The process status for `result`, after saying what went wrong.
pub fn finish(result: Outcome) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Write(e)) => {
            say(&format!(
                "could not write the output: {}",
                liseuse_library::store::describe_io(&e)
            ));
            ExitCode::from(1)
        }
        Err(Failure::Failed(why)) => {
            say(&why);
            ExitCode::from(2)
        }
        Err(Failure::Said) => ExitCode::from(2),
        Err(Failure::Listed(lines)) => {
            let mut lines = lines.lines();
            say(lines.next().unwrap_or_default());
            let mut err = io::stderr().lock();
            for line in lines {
                let _ = writeln!(err, "  {}", liseuse_document::sanitize::one_line(line));
            }
            ExitCode::from(2)
        }
    }
}
