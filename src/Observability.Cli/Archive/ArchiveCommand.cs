using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Observability.Cli.Internal;

namespace Observability.Cli.Archive;

/// <summary>
/// <c>obs archive</c>: reports and raw data copied into <c>&lt;archive-root&gt;/&lt;yyyyMMdd_HHmmss&gt;/</c> with a
/// <c>MANIFEST.txt</c> (file, size, SHA-256); <c>--dry-run</c> lists what would be created and copied and writes
/// nothing; an existing archive folder or file is never overwritten.
/// </summary>
internal static class ArchiveCommand
{
    public const string ManifestName = "MANIFEST.txt";

    public static Command Create()
    {
        var sources = new Option<string[]>("--source")
        {
            Description = "A report or data file, or a folder copied with everything under it (keeping its name); repeat for several.",
            HelpName = "path",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var root = new Option<string>("--archive-root") { Description = "The folder that receives <yyyyMMdd_HHmmss>/ (default: artifacts/archive).", HelpName = "dir" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be created and copied, with sizes, and write nothing." };
        var command = new Command(
            "archive",
            "Copies reports and raw data into <archive-root>/<yyyyMMdd_HHmmss>/ (UTC) with MANIFEST.txt listing each file, its size in bytes and its SHA-256. "
            + "Never overwrites: an existing archive folder stops the run. Exit codes: 0 archived (or previewed), 1 bad arguments, a missing source or an existing archive folder.")
        {
            sources, root, dryRun,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var archiveRoot = Path.GetFullPath(parse.GetValue(root) ?? Path.Combine("artifacts", "archive"));
            var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
            var destination = Path.Combine(archiveRoot, stamp);
            var files = Plan(parse.GetValue(sources) ?? [], archiveRoot);
            if (Directory.Exists(destination) || File.Exists(destination))
            {
                throw new UsageException($"'{destination}' already exists; an archive is never overwritten (run again in a second).");
            }

            return parse.GetValue(dryRun)
                ? Preview(destination, files)
                : await CopyAsync(destination, files, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Every file to copy, with its path inside the archive; fails on a missing source or two files with one name.</summary>
    private static List<(string Source, string Name, long Size)> Plan(IReadOnlyList<string> sources, string archiveRoot)
    {
        var files = new List<(string Source, string Name, long Size)>();
        foreach (var source in sources)
        {
            var full = Path.GetFullPath(source);
            if (File.Exists(full))
            {
                files.Add((full, Path.GetFileName(full), new FileInfo(full).Length));
            }
            else if (Directory.Exists(full))
            {
                var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(full));
                foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    // An archive root inside a source folder is not archived into itself.
                    if (!IsUnder(file, archiveRoot))
                    {
                        files.Add((file, Path.Combine(name, Path.GetRelativePath(full, file)), new FileInfo(file).Length));
                    }
                }
            }
            else
            {
                throw new UsageException($"--source '{source}': no such file or folder.");
            }
        }

        if (files.GroupBy(static f => f.Name, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1) is { } clash)
        {
            throw new UsageException($"--source: two files would both be archived as '{clash.Key}' ({string.Join(", ", clash.Select(static f => f.Source))}); archive one of them separately.");
        }

        if (files.Any(static f => string.Equals(f.Name, ManifestName, StringComparison.Ordinal)))
        {
            throw new UsageException($"--source: a file named {ManifestName} would clash with the archive's manifest.");
        }

        return files;
    }

    private static int Preview(string destination, List<(string Source, string Name, long Size)> files)
    {
        Console.WriteLine("=== Archive Preview (Dry-Run Mode) ===");
        Console.WriteLine($"Would create: {destination}{Path.DirectorySeparatorChar}");
        foreach (var (_, name, size) in files)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Would copy: {name} ({size} bytes)"));
        }

        Console.WriteLine($"Would generate: {ManifestName}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files={files.Count} bytes={files.Sum(static f => f.Size)} dry_run=yes"));
        Console.WriteLine("To execute: run the same command without --dry-run");
        return 0;
    }

    private static async Task<int> CopyAsync(string destination, List<(string Source, string Name, long Size)> files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        try
        {
            // Fails when a concurrent run took the same second: nothing is overwritten.
            CreateNewDirectory(destination);
        }
        catch (IOException e)
        {
            throw new UsageException($"'{destination}' cannot be created: {Redact.OneLine(e.Message)}");
        }

        var manifest = new StringBuilder();
        manifest.Append(CultureInfo.InvariantCulture, $"# obs archive {Path.GetFileName(destination)}: file, size in bytes, SHA-256\n");
        long total = 0;
        foreach (var (source, name, _) in files)
        {
            var target = Path.Combine(destination, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var (size, hash) = await CopyFileAsync(source, target, cancellationToken).ConfigureAwait(false);
            total += size;
            manifest.Append(CultureInfo.InvariantCulture, $"{name.Replace('\\', '/')}\t{size}\t{hash}\n");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Copied: {name} ({size} bytes)"));
        }

        var manifestPath = Path.Combine(destination, ManifestName);
        var stream = new FileStream(manifestPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(new UTF8Encoding(false).GetBytes(manifest.ToString()), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        Console.WriteLine($"Wrote: {ManifestName}");
        Console.WriteLine($"Archive: {destination}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files={files.Count} bytes={total} dry_run=no"));
        return 0;
    }

    /// <summary>Copies without overwriting, hashing what was written; returns the size and the lower-case hex SHA-256.</summary>
    private static async Task<(long Size, string Sha256)> CopyFileAsync(string source, string target, CancellationToken cancellationToken)
    {
        var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using (input.ConfigureAwait(false))
        {
            var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (output.ConfigureAwait(false))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                long size = 0;
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    size += read;
                }

                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
                return (size, Convert.ToHexStringLower(sha.GetHashAndReset()));
            }
        }
    }

    private static void CreateNewDirectory(string path)
    {
        if (Directory.Exists(path) || File.Exists(path))
        {
            throw new IOException("it already exists");
        }

        Directory.CreateDirectory(path);
    }

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
