using System;
using System.Collections.Generic;

namespace Cybrid.Analyzers.Benchmarks.Corpus
{
    /// <summary>
    /// SplitMix64: a tiny, fully specified generator, so that a seed gives the same corpus on every runtime
    /// (System.Random's seeded sequence is not a documented contract).
    /// </summary>
    internal sealed class Rng
    {
        private ulong _state;

        public Rng(int seed)
        {
            _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);
        }

        public ulong NextUInt64()
        {
            unchecked
            {
                var z = _state += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
        public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

        /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public int Between(int min, int max) => min + Next(max - min + 1);

        /// <summary>True with probability <paramref name="p"/>.</summary>
        public bool Chance(double p) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < p;

        public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

        /// <summary><paramref name="count"/> distinct items, in random order.</summary>
        public List<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
        {
            var pool = new List<T>(items);
            var result = new List<T>(Math.Min(count, pool.Count));
            while (result.Count < count && pool.Count > 0)
            {
                var i = Next(pool.Count);
                result.Add(pool[i]);
                pool[i] = pool[pool.Count - 1];
                pool.RemoveAt(pool.Count - 1);
            }

            return result;
        }

        /// <summary>Random letters and digits; used for fake (never real) secrets and identifiers.</summary>
        public string Token(int length)
        {
            const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[Next(alphabet.Length)];
            }

            return new string(chars);
        }

        public string Hex(int length)
        {
            const string alphabet = "0123456789abcdef";
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[Next(16)];
            }

            return new string(chars);
        }
    }
}
