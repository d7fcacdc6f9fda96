using System.Text.Json;

namespace Observability.Eval.Nab;

/// <summary>Reads NAB's <c>config/profiles.json</c>: profile name to <c>{ "CostMatrix": { "tpWeight", "fpWeight", "fnWeight" } }</c>.</summary>
internal static class NabProfileReader
{
    /// <summary>Reads <paramref name="path"/>; a malformed file throws <see cref="FormatException"/> saying where.</summary>
    public static IReadOnlyList<NabProfile> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var profiles = new List<NabProfile>();
            foreach (var profile in document.RootElement.EnumerateObject())
            {
                if (!profile.Value.TryGetProperty("CostMatrix", out var costs))
                {
                    throw new FormatException($"{path}: profile '{profile.Name}' has no CostMatrix.");
                }

                profiles.Add(new NabProfile(profile.Name, Weight(path, profile.Name, costs, "tpWeight"), Weight(path, profile.Name, costs, "fpWeight"), Weight(path, profile.Name, costs, "fnWeight")));
            }

            return profiles;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"{path}: not a NAB profiles file ({e.Message}).", e);
        }
    }

    private static double Weight(string path, string profile, JsonElement costs, string name) =>
        costs.TryGetProperty(name, out var weight) && weight.ValueKind == JsonValueKind.Number && weight.GetDouble() >= 0
            ? weight.GetDouble()
            : throw new FormatException($"{path}: profile '{profile}' needs a non-negative number '{name}' in its CostMatrix.");
}
