package org.thinkpress.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A mild preference for recent pieces: a factor of {@code 1 + weight} for a piece as new as the
 * newest one, halving its extra with each {@code halfLifeDays} of age. Age is counted from the
 * newest piece in the index, not from today, so the same content always gives the same order.
 */
final class RecencyBoost extends DoubleValuesSource {

  private final long newestMillis;
  private final double weight;
  private final double halfLifeMillis;

  RecencyBoost(long newestMillis, double weight, int halfLifeDays) {
    this.newestMillis = newestMillis;
    this.weight = weight;
    this.halfLifeMillis = halfLifeDays * 86_400_000d;
  }

  double factor(long publishedMillis) {
    double age = Math.max(0, newestMillis - publishedMillis);
    return 1 + weight * Math.pow(0.5, age / halfLifeMillis);
  }

  @Override
  public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
    NumericDocValues published = DocValues.getNumeric(context.reader(), Fields.PUBLISHED);
    return new DoubleValues() {
      private double value;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        value = published.advanceExact(doc) ? factor(published.longValue()) : 1;
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, Fields.PUBLISHED);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecencyBoost boost && boost.newestMillis == newestMillis && boost.weight == weight
        && boost.halfLifeMillis == halfLifeMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(newestMillis, weight, halfLifeMillis);
  }

  @Override
  public String toString() {
    return "recency(newest=" + newestMillis + ", weight=" + weight + ")";
  }
}
