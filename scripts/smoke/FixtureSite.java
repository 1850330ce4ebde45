import org.newsline.cli.demo.DemoSite;

/**
 * The demo news site of {@code newsctl up --demo} on a fixed loopback port, for the compose smoke test:
 * {@code java -cp newsctl/target/newsctl.jar scripts/smoke/FixtureSite.java PORT}. Prints the article count and
 * the feed URLs (everything, then the one-article politics feed), then serves until killed.
 */
public class FixtureSite {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        DemoSite site = DemoSite.start(port);
        if (site.port() != port) {
            site.close();
            throw new IllegalStateException("port " + port + " is taken");
        }
        System.out.println("articles " + site.articleCount());
        for (String feed : site.feedUrls()) {
            System.out.println("feed " + feed);
        }
        System.out.flush();
        Thread.currentThread().join();
    }
}
