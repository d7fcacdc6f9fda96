namespace Observability;

/// <summary>What a burn-rate rule concluded.</summary>
public enum BurnRateAlertStatus
{
    /// <summary>At least one window burns below the threshold: nothing to do.</summary>
    Ok = 0,

    /// <summary>Both windows burn at or above the threshold and the long window has enough traffic.</summary>
    Firing = 1,

    /// <summary>Both windows burn at or above the threshold, but the long window has less traffic than the guard asks for.</summary>
    Suppressed = 2,

    /// <summary>The long window holds no events, so there is no burn rate to judge.</summary>
    NoData = 3,

    /// <summary>The rule's long window is longer than the SLO period, so it is not evaluated.</summary>
    NotApplicable = 4,
}
