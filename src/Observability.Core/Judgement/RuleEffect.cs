namespace Observability;

/// <summary>What a rule's finding does to the verdict.</summary>
public enum RuleEffect
{
    /// <summary>The finding explains; it does not change the verdict.</summary>
    Inform = 0,

    /// <summary>The finding holds the rollout (unless something rolls it back).</summary>
    Hold = 1,

    /// <summary>The finding rolls the release back.</summary>
    Rollback = 2,
}
