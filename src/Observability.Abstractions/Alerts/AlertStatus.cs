namespace Observability;

/// <summary>Whether an alert's condition holds or has cleared.</summary>
public enum AlertStatus
{
    /// <summary>The condition holds.</summary>
    Firing = 0,

    /// <summary>The condition has cleared; <see cref="Alert.EndsAt"/> says when.</summary>
    Resolved = 1,
}
