package org.newsline.store.db;

import java.util.ArrayList;
import java.util.List;
import org.newsline.events.Article;

/**
 * A process that writes new versions of the same articles as fast as it can, until it is killed. Started by
 * {@link ArticleStoreContract#killDashNineMidWriteLeavesEveryArticleWhole}.
 */
public final class KillableWriter {

    private KillableWriter() {
    }

    public static void main(String[] args) {
        ArticleStore store = ArticleStore.open(args[0]);
        for (int version = 1; ; version++) {
            List<Article> batch = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                String[] speakers = new String[1 + (version + n) % 4];
                for (int s = 0; s < speakers.length; s++) {
                    speakers[s] = "Speaker " + s;
                }
                batch.add(Fixtures.article(n, "1." + version, "text of version " + version, speakers));
            }
            store.putArticles(batch);
            System.out.println("wrote " + version);
            System.out.flush();
        }
    }
}
