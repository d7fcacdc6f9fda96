using System.IO.Compression;
using Observability.Internal;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Actions;

public sealed class ActionsLogReaderTests
{
    [Fact]
    public void ReadRunArchive_GhCliFixture_NineStepFilesNoErrors()
    {
        var counts = ActionsLogReader.ReadRunArchive(Fixtures.Bytes("run_log.zip"), "run 1", CiLogParser.Default, CancellationToken.None);

        // 22 entries - 7 folders - 5 __MACOSX/ metadata files - 1 .DS_Store = 9 step logs.
        Assert.Equal(9, counts.Files);
        Assert.Equal(0, counts.ErrorLines);
        Assert.Empty(counts.ErrorCategories);
    }

    [Fact]
    public void ReadRunArchive_StepWithErrorLines_CountsThemPerCategory()
    {
        // The real job log: "received a shutdown signal" and "A task was canceled." (cancelled, twice); a second job whose
        // exit-code line follows "Error: Bad credentials" (authentication, from the line above).
        var zip = Zip(
            ("build/2_Run tests.txt", Fixtures.Text("job-log.gha_cancellation_shutdown.txt")),
            ("deploy/1_Run push.txt", "2026-07-29T18:09:00.0000000Z Error: Bad credentials\n2026-07-29T18:09:00.1000000Z ##[error]Process completed with exit code 1.\n"));

        var counts = ActionsLogReader.ReadRunArchive(zip, "run 1", CiLogParser.Default, CancellationToken.None);

        Assert.Equal(2, counts.Files);
        Assert.Equal(3, counts.ErrorLines);
        Assert.Equal(new Dictionary<string, int> { [CiErrorCategories.Authentication] = 1, [CiErrorCategories.Cancelled] = 2 }, counts.ErrorCategories);
        Assert.Equal(counts.ErrorLines, counts.ErrorCategories.Values.Sum());
    }

    [Fact]
    public void ReadRunArchive_Truncated_ThrowsInvalidData()
    {
        var zip = Fixtures.Bytes("run_log.zip");

        Assert.ThrowsAny<InvalidDataException>(() => ActionsLogReader.ReadRunArchive(zip[..100], "run 1", CiLogParser.Default, CancellationToken.None));
    }

    [Fact]
    public void ReadJobLog_MarkerAfterTimestampOrAlone_CountsEachLineOnce()
    {
        const string log = "2026-07-29T18:08:10.2373950Z ##[error]first\n##[error]second ##[error]same line\n##[warning]not an error\n";

        var analysis = ActionsLogReader.ReadJobLog(log, "job 1", CiLogParser.Default);

        Assert.Equal(2, analysis.ErrorCount);
        Assert.Equal(2, analysis.ErrorCategories[CiErrorCategories.Unknown]);
    }

    internal static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}
