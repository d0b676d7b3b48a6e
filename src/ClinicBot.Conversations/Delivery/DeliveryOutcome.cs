namespace ClinicBot.Conversations.Delivery;

/// <summary>What became of a message for a patient (it is in the transcript in every case).</summary>
public enum DeliveryOutcome
{
    /// <summary>The patient's channel took it.</summary>
    Delivered,

    /// <summary>The channel failed; the outbox delivers it when the channel is back.</summary>
    Queued,

    /// <summary>The channel refused it for good (<see cref="DeliveryRefusedException"/>): not retried.</summary>
    Refused,

    /// <summary>No channel can reach this conversation (a CLI conversation, say).</summary>
    Unreachable,
}
