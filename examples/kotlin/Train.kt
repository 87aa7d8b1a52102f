// A Kotlin program binding hydra4j configs to data classes and a sealed interface.
// Compile with -java-parameters (constructor parameter names); scripts/kotlin-check.sh runs it.
import dev.hydra4j.Hydra4j
import dev.hydra4j.Hydra4jException
import java.nio.file.Files
import java.nio.file.Path

data class Training(val epochs: Int, val batchSize: Int, val imageSize: Int, val lr: Double,
    val patience: Int, val model: String)

sealed interface Optimizer
data class Adam(val lr: Double, val beta1: Double) : Optimizer
data class Sgd(val lr: Double) : Optimizer

fun main(args: Array<String>) {
    val conf = Path.of(args[0])
    println(Hydra4j.load(conf, "config", "training=long").bind("training", Training::class.java))

    // A group whose option names the subtype of a sealed interface.
    val dir = Files.createTempDirectory("hydra4j-kotlin")
    Files.createDirectories(dir.resolve("optimizer"))
    Files.writeString(dir.resolve("app.yaml"), "defaults:\n  - optimizer: adam\n")
    Files.writeString(dir.resolve("optimizer/adam.yaml"), "lr: 0.001\nbeta1: 0.9\n")
    Files.writeString(dir.resolve("optimizer/sgd.yaml"), "lr: 0.1\n")
    for (choice in listOf("adam", "sgd")) {
        println(Hydra4j.load(dir, "app", "optimizer=$choice").bind("optimizer", Optimizer::class.java))
    }

    try {
        Hydra4j.load(conf, "config", "training.lr=fast", "+training.warmup=5")
            .bind("training", Training::class.java)
    } catch (e: Hydra4jException) {
        println(e.message)
    }
}
