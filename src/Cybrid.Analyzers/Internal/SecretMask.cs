using System.Globalization;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>How a message refers to a hard-coded value without printing it.</summary>
    internal static class SecretMask
    {
        /// <summary>The length under which even two characters would tell too much: only the length is shown.</summary>
        private const int ShortSecretLength = 8;

        /// <summary><c>"sk… (32 chars)"</c>: the first two characters, an ellipsis and the length; never the value.</summary>
        public static string Mask(string? value)
        {
            if (value == null)
            {
                return "null";
            }

            var length = value.Length.ToString(CultureInfo.InvariantCulture) + (value.Length == 1 ? " char" : " chars");
            return value.Length < ShortSecretLength
                ? "… (" + length + ")"
                : value.Substring(0, 2) + "… (" + length + ")";
        }
    }
}
