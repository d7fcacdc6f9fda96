using System.IO.Compression;
using System.Text;

namespace Observability.Providers.CiLogs.Tests;

public sealed class CiRunLogArchiveTests
{
    [Fact]
    public void ReadFile_GhCliFixture_GivesOneJobPerFolderWithNumberedSteps()
    {
        // `unzip -l run_log.zip`: 7 job folders (long name, ad, cool, cool/slash, emoji, sad, cool/colon) holding
        // 1 + 1 + 2 + 1 + 1 + 2 + 1 = 9 step .txt files; __MACOSX/ copies and .DS_Store are skipped.
        var archive = CiRunLogArchive.ReadFile(CiFixtures.RunLogZip);

        Assert.True(archive.Succeeded, archive.Error);
        Assert.Equal(7, archive.Jobs.Count);
        Assert.Equal(9, archive.Jobs.Sum(j => j.Steps.Count));
        var sad = Assert.Single(archive.Jobs, j => j.Name == "sad job");
        Assert.Equal([(1, "barf the quux"), (2, "quux the barf")], sad.Steps.Select(s => (s.Number, s.Name)));
        Assert.Contains(archive.Jobs, j => j.Name == "cool job  with colon");
        Assert.Contains(archive.Jobs, j => j.Name.StartsWith("Emoji Test 😅", StringComparison.Ordinal));
        Assert.DoesNotContain(archive.Jobs, j => j.Name.StartsWith("__MACOSX", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFile_GhCliFixture_PlaceholderLinesParseAsSuccessfulSteps()
    {
        // "cool job/1_fob the barz.txt" is "log line 1\nlog line 2\nlog line 3\n": 3 lines, no marker.
        var archive = CiRunLogArchive.ReadFile(CiFixtures.RunLogZip);

        var step = archive.Jobs.Single(j => j.Name == "cool job").Steps[0];
        Assert.Equal(3, step.Analysis.LineCount);
        Assert.Equal("cool job/1_fob the barz.txt", step.EntryPath);
        Assert.Equal(CiRunConclusion.Success, archive.Jobs.Single(j => j.Name == "cool job").Conclusion);
        Assert.Equal(0, archive.FailedJobs);
    }

    [Fact]
    public void Read_TruncatedZip_GivesAnErrorResultNotAnException()
    {
        var bytes = File.ReadAllBytes(CiFixtures.RunLogZip);

        var archive = CiRunLogArchive.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), "half.zip");

        Assert.False(archive.Succeeded);
        Assert.StartsWith("the run-logs archive half.zip cannot be read", archive.Error, StringComparison.Ordinal);
        Assert.Empty(archive.Jobs);
    }

    [Fact]
    public void Read_NotAZip_GivesAnErrorResult()
    {
        var archive = CiRunLogArchive.Read(new MemoryStream(Encoding.UTF8.GetBytes("<html>rate limited</html>")), "html.zip");

        Assert.False(archive.Succeeded);
        Assert.Contains("html.zip", archive.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_Missing_GivesAnErrorResult()
    {
        var archive = CiRunLogArchive.ReadFile(Path.Combine(CiFixtures.Root, "no-such.zip"));

        Assert.False(archive.Succeeded);
        Assert.Contains("cannot be opened", archive.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JobsWithErrors_AreCountedAsFailedAndTopLevelFilesAreJobs()
    {
        var zip = Zip(
            ("build/1_Set up job.txt", "2024-01-01T00:00:00.0000000Z Current runner version: '2.317.0'"),
            ("build/2_Run tests.txt", "2024-01-01T00:00:05.0000000Z ##[error]Process completed with exit code 1."),
            ("lint/1_Run lint.txt", "2024-01-01T00:00:03.0000000Z ok"),
            ("0_deploy.txt", "2024-01-01T00:00:09.0000000Z ##[error]The operation was canceled."));

        var archive = CiRunLogArchive.Read(zip, "run.zip");

        Assert.Equal(["build", "deploy", "lint"], archive.Jobs.Select(j => j.Name));
        Assert.Equal(CiRunConclusion.Failure, archive.Jobs[0].Conclusion);
        Assert.Equal(CiRunConclusion.Cancelled, archive.Jobs[1].Conclusion);
        Assert.Equal(CiRunConclusion.Success, archive.Jobs[2].Conclusion);
        Assert.Equal(2, archive.FailedJobs);
        Assert.Equal(TimeSpan.FromSeconds(5), archive.Jobs[0].FinishedAt - archive.Jobs[0].StartedAt);
        Assert.Empty(archive.Jobs[1].Steps);
        Assert.NotNull(archive.Jobs[1].WholeLog);
    }

    [Fact]
    public void Read_WholeJobLogBesideStepFiles_IsCountedOnce()
    {
        // The whole log repeats the step's error: the job's Logs hold only the whole log, so 1 error line, not 2.
        var zip = Zip(
            ("1_build.txt", "2024-01-01T00:00:00.0000000Z ##[group]Run make\n2024-01-01T00:00:04.0000000Z ##[error]Process completed with exit code 2."),
            ("build/1_Run make.txt", "2024-01-01T00:00:04.0000000Z ##[error]Process completed with exit code 2."));

        var job = Assert.Single(CiRunLogArchive.Read(zip, "run.zip").Jobs);

        Assert.Equal("build", job.Name);
        Assert.Equal("Run make", Assert.Single(job.Steps).Name);
        Assert.Equal(1, Assert.Single(job.Logs).ErrorCount);
        Assert.Equal("Run make", job.WholeLog!.Errors[0].Step);
        Assert.Equal(CiRunConclusion.Failure, job.Conclusion);
    }

    internal static MemoryStream Zip(params (string Name, string Text)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
