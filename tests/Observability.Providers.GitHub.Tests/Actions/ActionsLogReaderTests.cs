using System.IO.Compression;
using Observability.Internal;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Actions;

public sealed class ActionsLogReaderTests
{
    [Fact]
    public void ReadRunArchive_GhCliFixture_NineStepFilesNoErrors()
    {
        var counts = ActionsLogReader.ReadRunArchive(Fixtures.Bytes("run_log.zip"), "run 1", CancellationToken.None);

        // 22 entries - 7 folders - 5 __MACOSX/ metadata files - 1 .DS_Store = 9 step logs.
        Assert.Equal(9, counts.Files);
        Assert.Equal(0, counts.ErrorLines);
    }

    [Fact]
    public void ReadRunArchive_StepWithErrorLines_CountsThem()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("build/2_Run tests.txt").Open());
            writer.Write(Fixtures.Text("job-log.gha_cancellation_shutdown.txt"));
        }

        var counts = ActionsLogReader.ReadRunArchive(buffer.ToArray(), "run 1", CancellationToken.None);

        Assert.Equal(1, counts.Files);
        Assert.Equal(2, counts.ErrorLines);
    }

    [Fact]
    public void ReadRunArchive_Truncated_ThrowsInvalidData()
    {
        var zip = Fixtures.Bytes("run_log.zip");

        Assert.ThrowsAny<InvalidDataException>(() => ActionsLogReader.ReadRunArchive(zip[..100], "run 1", CancellationToken.None));
    }

    [Fact]
    public void CountErrorLines_MarkerAfterTimestampOrAlone_CountsEachLineOnce()
    {
        const string log = "2026-07-29T18:08:10.2373950Z ##[error]first\n##[error]second ##[error]same line\n##[warning]not an error\n";

        Assert.Equal(2, ActionsLogReader.CountErrorLines(log, "job 1"));
    }
}
