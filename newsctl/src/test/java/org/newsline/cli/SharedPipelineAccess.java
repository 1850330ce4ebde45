package org.newsline.cli;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link SharedPipeline} for tests outside this package (the examples): starts it, and tells where it is. */
public final class SharedPipelineAccess implements BeforeAllCallback, BeforeEachCallback {

    private final SharedPipeline delegate = new SharedPipeline();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        delegate.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        delegate.beforeAll(context);
    }

    public static String bootstrap() {
        return SharedPipeline.get().bootstrap();
    }

    public static int articleCount() {
        return SharedPipeline.get().demo.articleCount();
    }
}
