using System;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>The Cybrid services, by the first label of a <c>*.cybrid.app</c> host.</summary>
    internal enum CybridService
    {
        /// <summary>Not a Cybrid host.</summary>
        None,

        /// <summary><c>id.&lt;env&gt;.cybrid.app</c>: <c>/oauth/token</c>, <c>/api/customer_tokens</c>.</summary>
        Identity,

        /// <summary><c>bank.&lt;env&gt;.cybrid.app</c>: the Bank API.</summary>
        Bank,

        /// <summary><c>organization.&lt;env&gt;.cybrid.app</c>: the Organization API (webhook subscriptions).</summary>
        Organization,

        /// <summary>Any other <c>*.cybrid.app</c> host.</summary>
        Other,
    }

    /// <summary>
    /// A small, allocation-light reader of absolute URL text (scheme, host) and the recogniser of Cybrid hosts:
    /// any <c>*.cybrid.app</c> host is Cybrid's; <c>bank</c>, <c>id</c> and <c>organization</c> name the service
    /// and the next label the environment (sandbox, staging, production, …).
    /// </summary>
    internal static class CybridUrls
    {
        public const string CybridDomain = "cybrid.app";

        /// <summary>
        /// Reads <c>scheme://[userinfo@]host[:port][/path]</c>. <paramref name="host"/> is lower-case, without
        /// brackets for IPv6 and without the port; it may be empty when the text stops after the scheme.
        /// </summary>
        public static bool TryParseAbsolute(string text, out string scheme, out string host)
        {
            scheme = string.Empty;
            host = string.Empty;
            var separator = text.IndexOf("://", StringComparison.Ordinal);
            if (separator <= 0)
            {
                return false;
            }

            for (var i = 0; i < separator; i++)
            {
                var c = text[i];
                if (!(char.IsLetterOrDigit(c) || c == '+' || c == '-' || c == '.') || (i == 0 && !char.IsLetter(c)))
                {
                    return false;
                }
            }

            scheme = text.Substring(0, separator).ToLowerInvariant();
            var start = separator + 3;
            var end = start;
            while (end < text.Length && text[end] != '/' && text[end] != '?' && text[end] != '#')
            {
                end++;
            }

            var authority = text.Substring(start, end - start);
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority.Substring(at + 1);
            }

            if (authority.StartsWith("[", StringComparison.Ordinal))
            {
                var close = authority.IndexOf(']');
                host = close > 0 ? authority.Substring(1, close - 1) : authority.Substring(1);
            }
            else
            {
                var colon = authority.IndexOf(':');
                host = colon >= 0 ? authority.Substring(0, colon) : authority;
            }

            host = host.ToLowerInvariant();
            return true;
        }

        /// <summary><c>localhost</c> (and its subdomains), <c>127.0.0.0/8</c> and <c>::1</c>.</summary>
        public static bool IsLoopback(string host)
        {
            if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host == "::1" || host == "0:0:0:0:0:0:0:1")
            {
                return true;
            }

            if (!host.StartsWith("127.", StringComparison.Ordinal))
            {
                return false;
            }

            var dots = 0;
            foreach (var c in host)
            {
                if (c == '.')
                {
                    dots++;
                }
                else if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return dots == 3;
        }

        /// <summary>Classifies a lower-case host; <paramref name="environment"/> is the label after the service (may be empty).</summary>
        public static CybridService Classify(string host, out string environment)
        {
            environment = string.Empty;
            if (!IsCybridHost(host))
            {
                return CybridService.None;
            }

            var labels = host.Split('.');
            if (labels.Length >= 4)
            {
                environment = labels[labels.Length - 3];
            }

            switch (labels[0])
            {
                case "bank":
                    return CybridService.Bank;
                case "id":
                    return CybridService.Identity;
                case "organization":
                    return CybridService.Organization;
                default:
                    return CybridService.Other;
            }
        }

        /// <summary><c>cybrid.app</c> itself or any host below it.</summary>
        public static bool IsCybridHost(string host)
            => host == CybridDomain
               || (host.Length > CybridDomain.Length + 1
                   && host.EndsWith(CybridDomain, StringComparison.Ordinal)
                   && host[host.Length - CybridDomain.Length - 1] == '.');

        /// <summary>The service of an absolute URL's host, or <see cref="CybridService.None"/>.</summary>
        public static CybridService ClassifyUrl(string url)
            => TryParseAbsolute(url, out _, out var host) ? Classify(host, out _) : CybridService.None;

        /// <summary>
        /// True when <paramref name="host"/> matches a configured host pattern: the exact host, or <c>*.example.com</c>
        /// / <c>.example.com</c> for the domain and every host below it. Case-insensitive.
        /// </summary>
        public static bool MatchesHostPattern(string host, string pattern)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                pattern = pattern.Substring(1);
            }

            if (pattern.StartsWith(".", StringComparison.Ordinal))
            {
                var domain = pattern.Substring(1);
                return string.Equals(host, domain, StringComparison.OrdinalIgnoreCase)
                       || host.EndsWith(pattern, StringComparison.OrdinalIgnoreCase);
            }

            return string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
        }
    }
}
