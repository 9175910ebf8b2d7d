using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Storage;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as Unix milliseconds (UTC): SQLite cannot compare or order
/// <see cref="DateTimeOffset"/> values in SQL, and one representation keeps every provider alike.
/// </summary>
internal sealed class UnixMillisecondsConverter : ValueConverter<DateTimeOffset, long>
{
    public static readonly UnixMillisecondsConverter Instance = new();

    private UnixMillisecondsConverter()
        : base(value => value.ToUnixTimeMilliseconds(), value => DateTimeOffset.FromUnixTimeMilliseconds(value))
    {
    }
}
