package dev.raq.examples.synthetic;

import dev.raq.core.data.Sample;
import dev.raq.core.synthetic.Rejection;
import dev.raq.core.synthetic.SyntheticDataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticDataExampleTest {

    @Test
    void generatesFromPassagesOffline_leavesOutWhatFailsTheChecks_thenEvaluatesOnTheDataset() throws Exception {
        SyntheticDataExample.Outcome o = SyntheticDataExample.run();
        assertThat(o.generated().samples()).extracting(Sample::question).containsExactlyInAnyOrder(
                "Into which sea does the Rhine flow?", "Near which city does the Rhine delta form?",
                "Which country is the largest coffee producer?", "Where do coffee plants grow best?",
                "中国最长的河流是哪条？", "长江在哪个城市附近注入东海？");
        assertThat(o.generated().rejected()).extracting(Rejection::reason)
                .anyMatch(r -> r.startsWith("a near duplicate"))
                .anyMatch(r -> r.startsWith("the passage does not support the answer"));
        assertThat(o.generatorRequests()).isEqualTo(4); // three passages, one re-ask
        assertThat(o.generated().samples()).allSatisfy(s -> assertThat(s.metadata())
                .containsEntry(SyntheticDataset.GENERATOR, "scripted-generator"));
        assertThat(o.report().sampleCount()).isEqualTo(6);
        assertThat(o.report().judgeSummaries().get(0).scores().get("reader").mean()).isEqualTo(1.0);
        assertThat(o.report().judgeSummaries().get(0).scores().get("skimmer").mean()).isLessThan(0.5);
    }
}
