package io.netwright.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netwright.nn.Parameter;
import io.netwright.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Hyperparameter validation, with PyTorch's messages where PyTorch has one. */
class ValidationTest {

    private static List<Parameter> params() {
        return List.of(new Parameter(Tensor.zeros(2)), new Parameter(Tensor.zeros(3)));
    }

    private static void assertMessage(String expected, Supplier<?> construct) {
        var e = assertThrows(IllegalArgumentException.class, construct::get);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void sgdMessages() {
        assertMessage("Invalid learning rate: -1.0", () -> new SGD(params(), -1.0));
        assertMessage("Invalid momentum value: -0.5", () -> new SGD(params(), new SGD.Options().momentum(-0.5)));
        assertMessage("Invalid weight_decay value: -1e-05",
                () -> new SGD(params(), new SGD.Options().weightDecay(-1e-5)));
        assertMessage("Nesterov momentum requires a momentum and zero dampening",
                () -> new SGD(params(), new SGD.Options().nesterov(true)));
        assertMessage("Nesterov momentum requires a momentum and zero dampening",
                () -> new SGD(params(), new SGD.Options().nesterov(true).momentum(0.9).dampening(0.1)));
    }

    @Test
    void adamAndAdamWMessages() {
        assertMessage("Invalid learning rate: -0.001", () -> new Adam(params(), new Adam.Options().lr(-1e-3)));
        assertMessage("Invalid epsilon value: -1e-08", () -> new Adam(params(), new Adam.Options().eps(-1e-8)));
        assertMessage("Invalid beta parameter at index 0: 1.0",
                () -> new Adam(params(), new Adam.Options().betas(1.0, 0.999)));
        assertMessage("Invalid beta parameter at index 1: -0.1",
                () -> new AdamW(params(), new AdamW.Options().betas(0.9, -0.1)));
        assertMessage("Invalid weight_decay value: -0.01",
                () -> new AdamW(params(), new AdamW.Options().weightDecay(-0.01)));
        assertMessage("betas must have 2 values (beta1, beta2), got [0.9]",
                () -> new Adam(params(), new Adam.Options().set("betas", List.of(0.9))));
    }

    @Test
    void rmspropAndAdagradMessages() {
        assertMessage("Invalid alpha value: -0.99", () -> new RMSprop(params(), new RMSprop.Options().alpha(-0.99)));
        assertMessage("Invalid momentum value: -1.0",
                () -> new RMSprop(params(), new RMSprop.Options().momentum(-1)));
        assertMessage("Invalid lr_decay value: -0.1", () -> new Adagrad(params(), new Adagrad.Options().lrDecay(-0.1)));
        assertMessage("Invalid initial_accumulator_value value: -1.0",
                () -> new Adagrad(params(), new Adagrad.Options().initialAccumulatorValue(-1)));
        assertMessage("Invalid epsilon value: -1e-10", () -> new Adagrad(params(), new Adagrad.Options().eps(-1e-10)));
    }

    @Test
    void nanIsRejectedLikePyTorchRejectsIt() {
        assertMessage("Invalid learning rate: nan", () -> new Adam(params(), new Adam.Options().lr(Double.NaN)));
    }

    @Test
    void groupOptionsAreValidatedToo() {
        ParamGroup bad = new ParamGroup(params()).set("lr", -0.1);
        assertMessage("Invalid learning rate: -0.1", () -> new SGD(List.of(bad), new SGD.Options()));
        SGD ok = new SGD(List.of(new ParamGroup(params().subList(0, 1))), new SGD.Options());
        assertMessage("Invalid momentum value: -2.0",
                () -> { ok.addParamGroup(new ParamGroup(params()).set("momentum", -2)); return ok; });
    }

    @Test
    void unknownOptionsNameTheKnownOnes() {
        assertMessage("SGD has no option 'betas'; its options are lr, momentum, dampening, weight_decay, nesterov, "
                + "maximize", () -> new SGD.Options().set("betas", List.of(0.9, 0.99)));
        assertMessage("unknown optimizer 'Lion'; known: SGD, Adam, AdamW, RMSprop, Adagrad",
                () -> Optimizers.create("Lion", params(), Map.of()));
    }

    @Test
    void parameterListsMustBeUsable() {
        assertMessage("optimizer got an empty parameter list", () -> new SGD(List.<Parameter>of(), 0.1));
        List<Parameter> ps = params();
        assertMessage("some parameters appear in more than one parameter group", () -> new SGD(
                List.of(new ParamGroup(ps), new ParamGroup(ps.subList(0, 1))), new SGD.Options()));
        assertMessage("optimizer contains a parameter group with duplicate parameters: pass each parameter once",
                () -> new SGD(List.of(ps.get(0), ps.get(0)), 0.1));
    }

    @Test
    void wrongOptionTypesNameTheOption() {
        var e = assertThrows(IllegalStateException.class,
                () -> new SGD(params(), new SGD.Options().set("lr", "fast")));
        assertEquals("parameter group option 'lr' is fast (String), expected a number", e.getMessage());
    }
}
