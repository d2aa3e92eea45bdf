package org.masthead.search.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.masthead.search.FacetCount;

/**
 * Counts every hit, the results they make once story clusters are collapsed (each story once, each
 * article in no story once), and the hits per value of a few keyword fields (channel, source), all
 * from doc values: per segment into arrays by ordinal, turned into names when the segment is done.
 * This is the "simple term counting" option; the facets module would add taxonomy or drill-sideways,
 * which a news search does not need yet.
 *
 * <p>Stories are counted exactly across segments without global ordinals: an article in no story has
 * a key of its own ({@link ArticleFields#STORY}), so it is counted directly; the keys of stories (those
 * from the ordinal of "s" on) are marked per segment and their names joined in a set at the end of it.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Counts> {

    /**
     * Hits, results after collapsing stories, and per field the counts of its values, most frequent
     * first (ties by name).
     */
    record Counts(long total, long results, Map<String, List<FacetCount>> byField) {}

    private final List<String> fields;

    FacetCounter(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    @Override
    public Counting newCollector() {
        return new Counting(fields);
    }

    @Override
    public Counts reduce(Collection<Counting> collectors) throws IOException {
        long total = 0;
        long lone = 0;
        java.util.Set<String> stories = new java.util.HashSet<>();
        Map<String, Map<String, Long>> merged = new HashMap<>();
        for (Counting c : collectors) {
            c.finishLeaf();
            total += c.total;
            lone += c.lone;
            stories.addAll(c.stories);
            c.counts.forEach((field, values) -> values.forEach((value, n) -> merged.computeIfAbsent(field, f -> new HashMap<>()).merge(value, n, Long::sum)));
        }
        Map<String, List<FacetCount>> byField = new HashMap<>();
        for (String field : fields) {
            byField.put(field, merged.getOrDefault(field, Map.of()).entrySet().stream()
                    .map(e -> new FacetCount(e.getKey(), e.getValue()))
                    .sorted((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()))
                    .toList());
        }
        return new Counts(total, lone + stories.size(), byField);
    }

    static final class Counting implements Collector {

        private final List<String> fields;
        private final Map<String, Map<String, Long>> counts = new HashMap<>();
        private final java.util.Set<String> stories = new java.util.HashSet<>();
        private long total;
        private long lone;
        private SortedSetDocValues[] leafValues;
        private int[][] leafCounts;
        private SortedDocValues leafStories;
        private FixedBitSet leafStoryOrds;

        Counting(List<String> fields) {
            this.fields = fields;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            finishLeaf();
            leafValues = new SortedSetDocValues[fields.size()];
            leafCounts = new int[fields.size()][];
            for (int f = 0; f < fields.size(); f++) {
                leafValues[f] = DocValues.getSortedSet(context.reader(), fields.get(f));
                leafCounts[f] = new int[(int) Math.min(Integer.MAX_VALUE - 8, leafValues[f].getValueCount())];
            }
            SortedSetDocValues[] values = leafValues;
            int[][] perOrd = leafCounts;
            SortedDocValues story = DocValues.getSorted(context.reader(), ArticleFields.STORY);
            int found = story.getValueCount() == 0 ? 0 : story.lookupTerm(new BytesRef(ArticleFields.STORY_PREFIX));
            int firstStory = found >= 0 ? found : -found - 1;
            FixedBitSet storyOrds = new FixedBitSet(Math.max(1, story.getValueCount()));
            leafStories = story;
            leafStoryOrds = storyOrds;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    if (story.advanceExact(doc) && story.ordValue() >= firstStory) {
                        storyOrds.set(story.ordValue());
                    } else {
                        lone++;
                    }
                    for (int f = 0; f < values.length; f++) {
                        if (values[f].advanceExact(doc)) {
                            for (int i = 0; i < values[f].docValueCount(); i++) {
                                perOrd[f][(int) values[f].nextOrd()]++;
                            }
                        }
                    }
                }
            };
        }

        /** Turns the ordinals counted in the last segment into names (ordinals mean nothing across segments). */
        void finishLeaf() throws IOException {
            if (leafValues == null) {
                return;
            }
            for (int ord = leafStoryOrds.nextSetBit(0); ord != DocIdSetIterator.NO_MORE_DOCS;
                    ord = ord + 1 < leafStoryOrds.length() ? leafStoryOrds.nextSetBit(ord + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                stories.add(leafStories.lookupOrd(ord).utf8ToString());
            }
            leafStories = null;
            leafStoryOrds = null;
            for (int f = 0; f < leafValues.length; f++) {
                Map<String, Long> values = counts.computeIfAbsent(fields.get(f), k -> new HashMap<>());
                for (int ord = 0; ord < leafCounts[f].length; ord++) {
                    if (leafCounts[f][ord] > 0) {
                        values.merge(leafValues[f].lookupOrd(ord).utf8ToString(), (long) leafCounts[f][ord], Long::sum);
                    }
                }
            }
            leafValues = null;
            leafCounts = null;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
